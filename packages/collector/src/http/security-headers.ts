import type { MiddlewareHandler } from 'hono';

/**
 * Headers every answer carries. Cross-origin reads are fine (nothing rides on cookies, and /koe.js must load
 * on any site), so the resource policy is `cross-origin`; framing is limited to the collector's own pages.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * Sets SECURITY_HEADERS before the handler runs, so `c.json()` and friends include them. (Hono's
 * secureHeaders edits `c.res` after the handler, which on @hono/node-server turns its cheap response object
 * into a full web Response on every request; handlers that build a Response themselves spread the
 * constant instead.)
 */
export function securityHeaders(): MiddlewareHandler {
  const entries = Object.entries(SECURITY_HEADERS);
  return async (c, next) => {
    for (const [name, value] of entries) c.header(name, value);
    await next();
  };
}
