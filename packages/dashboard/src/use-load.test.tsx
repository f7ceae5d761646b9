import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { useLoad, type Loaded } from './use-load.js';

function harness(keep = false) {
  const seen: [string, Loaded<string>][] = [];
  const pending = new Map<string, (value: string) => void>();
  function Probe({ k }: { k: string }) {
    seen.push([k, useLoad(() => new Promise<string>((resolve) => pending.set(k, resolve)), k, { keep })]);
    return null;
  }
  const root = document.createElement('div');
  const show = (k: string) => act(() => render(<Probe k={k} />, root));
  const resolve = (key: string, value: string) =>
    act(async () => {
      pending.get(key)!(value);
      await new Promise((r) => setTimeout(r, 0));
    });
  return { seen, show, resolve };
}

it('never returns a result under another key, not even for one render, and drops a late answer', async () => {
  const { seen, show, resolve } = harness();
  await show('30');
  await resolve('30', 'thirty');
  expect(seen.at(-1)).toEqual(['30', { key: '30', data: 'thirty', error: undefined, loading: false }]);
  await show('365');
  // Every render with the new key, the very first included, is without the old figures.
  expect(seen.filter(([k]) => k === '365').every(([, s]) => s.data === undefined && s.loading)).toBe(true);
  await show('7');
  await resolve('365', 'late');
  expect(seen.at(-1)![1]).toMatchObject({ data: undefined, loading: true });
  await resolve('7', 'seven');
  expect(seen.at(-1)![1]).toMatchObject({ data: 'seven', loading: false });
});

it('keeps the last result while the next loads, when asked to', async () => {
  const { seen, show, resolve } = harness(true);
  await show('v1');
  await resolve('v1', '12 open');
  await show('v2');
  expect(seen.at(-1)![1]).toMatchObject({ data: '12 open', loading: true });
  await resolve('v2', '11 open');
  expect(seen.at(-1)![1]).toMatchObject({ data: '11 open', loading: false });
});
