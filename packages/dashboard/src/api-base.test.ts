import { describe, expect, it } from 'vitest';
import { apiBaseOf } from './api-base.js';

describe('apiBaseOf', () => {
  it('is empty for a collector at the origin’s root', () => {
    expect(apiBaseOf('/dashboard/')).toBe('');
    expect(apiBaseOf('/dashboard/index.html')).toBe('');
  });

  it('keeps the prefix a proxy publishes the collector under', () => {
    expect(apiBaseOf('/koe/dashboard/')).toBe('/koe');
    expect(apiBaseOf('/koe/dashboard/index.html')).toBe('/koe');
    expect(apiBaseOf('/team/koe/dashboard')).toBe('/team/koe');
    // The last /dashboard/ is the collector's, whatever the prefix holds; an encoded prefix stays encoded.
    expect(apiBaseOf('/dashboard/koe/dashboard/')).toBe('/dashboard/koe');
    expect(apiBaseOf('/%E5%A3%B0/dashboard/')).toBe('/%E5%A3%B0');
  });

  it('falls back to the root for a page served elsewhere', () => {
    expect(apiBaseOf('/')).toBe('');
    expect(apiBaseOf('/admin/')).toBe('');
    expect(apiBaseOf('/dashboards/')).toBe('');
    expect(apiBaseOf('blank')).toBe('');
  });
});
