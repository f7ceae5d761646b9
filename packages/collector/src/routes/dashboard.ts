import type { Hono } from 'hono';
import { serveDirectory } from './static.js';

/**
 * The dashboard's page holds the admin token, so it runs under a CSP that admits only its own files and
 * calls to this collector: no inline script, no other origin to send the token to, no framing.
 */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/** Serves the dashboard's build (`@koe/dashboard`'s `dist/`) at `/dashboard/`. */
export function dashboardRoutes(app: Hono, dir: string): void {
  serveDirectory(app, '/dashboard', dir, DASHBOARD_HEADERS);
}
