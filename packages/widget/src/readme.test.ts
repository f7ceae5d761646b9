// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('README', () => {
  it('gives the CSP hash of the very snippet it tells customers to paste', () => {
    const snippet = /<script>(window\.koe=.*?)<\/script>/.exec(readme)?.[1];
    expect(snippet).toBe('window.koe=window.koe||function(){(koe.q=koe.q||[]).push(arguments)}');
    const hash = createHash('sha256').update(snippet!).digest('base64');
    expect(readme).toContain(`'sha256-${hash}'`);
  });
});
