import { describe, expect, it } from 'vitest';
import { normal, pick, randomUuid, seededRandom, weighted } from './random.js';

describe('seeded randomness for demo data', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('makes version 4 UUIDs, stable per seed', () => {
    const id = randomUuid(seededRandom(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUuid(seededRandom(1))).toBe(id);
    const many = new Set(Array.from({ length: 10_000 }, ((r) => () => randomUuid(r))(seededRandom(2))));
    expect(many.size).toBe(10_000);
  });

  it('draws normals with mean 0 and standard deviation 1', () => {
    const random = seededRandom(3);
    const draws = Array.from({ length: 20_000 }, () => normal(random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('picks by weight and uniformly', () => {
    const random = seededRandom(4);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[weighted(random, [['a', 1], ['b', 3], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
    const seen = new Set(Array.from({ length: 200 }, () => pick(random, ['x', 'y', 'z'])));
    expect(seen).toEqual(new Set(['x', 'y', 'z']));
  });
});
