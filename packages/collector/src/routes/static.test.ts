import { expect, it } from 'vitest';
import { folderLocation } from './static.js';

it('redirects a folder URL to its slashed form relatively, so a path prefix a proxy strips survives', () => {
  expect(folderLocation('http://127.0.0.1:8787/dashboard')).toBe('./dashboard/');
  expect(folderLocation('http://127.0.0.1:8787/examples/website?x=1&y=%2F')).toBe('./website/?x=1&y=%2F');
  // The browser resolves it against the URL it asked for, prefix included.
  expect(new URL(folderLocation('http://127.0.0.1:8787/dashboard?site=shop'), 'https://example.com/koe/dashboard?site=shop').href).toBe(
    'https://example.com/koe/dashboard/?site=shop',
  );
  // A name with a colon stays a path, not a scheme; an encoded one stays encoded.
  expect(new URL(folderLocation('http://x/files/a:b'), 'https://example.com/koe/files/a:b').href).toBe('https://example.com/koe/files/a:b/');
  expect(folderLocation('http://x/files/caf%C3%A9')).toBe('./caf%C3%A9/');
});
