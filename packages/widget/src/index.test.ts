// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createKoe } from './index.js';

describe('createKoe on the server', () => {
  it('is inert without a window: safe during server-side rendering', async () => {
    expect(typeof window).toBe('undefined');
    const koe = createKoe({ site: 'shop', endpoint: 'https://c.example' });
    expect(() => {
      koe.identify('u1');
      koe.track('x');
      koe.show('nps');
      koe.on('shown', () => {});
      koe.reset();
      koe.destroy();
    }).not.toThrow();
    await expect(koe.flush()).resolves.toBeUndefined();
    await expect(koe.locale('ja')).resolves.toBeUndefined();
    await expect(koe.headless('nps')).rejects.toThrow(/browser/);
  });
});
