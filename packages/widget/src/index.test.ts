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

  it('never leaves an unhandled rejection behind a call nobody awaits', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const koe = createKoe({ site: 'shop', endpoint: 'https://c.example' });
      void koe.headless('nps');
      void koe.mount('nps', {} as HTMLElement);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
