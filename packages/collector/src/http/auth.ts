import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import { clientIp, rateLimitKeyOf } from './client-ip.js';
import { ApiError } from './errors.js';

/** Failed admin requests an IP may make per minute; past them it gets 429 until the minute ends. */
export const ADMIN_FAILURES_PER_MINUTE = 10;

/** Compares two secrets in constant time (both are hashed first, so their lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/** What a token may do: `admin` everything, `viewer` only read (reports, comments, exports, sites, cases). */
export type Role = 'admin' | 'viewer';

type AuthDeps = Pick<AppDeps, 'adminToken' | 'viewerToken' | 'limiter' | 'trustedProxies' | 'logger'>;

/** The role of a request's bearer token, if it is one of the collector's (compared in constant time). */
export function roleOf(header: string | undefined, deps: Pick<AppDeps, 'adminToken' | 'viewerToken'>): Role | undefined {
  const given = bearerToken(header);
  if (given === undefined) return undefined;
  // Both compared every time, so the time taken does not tell which one a guess was near.
  const admin = !!deps.adminToken && safeEqual(given, deps.adminToken);
  const viewer = !!deps.viewerToken && safeEqual(given, deps.viewerToken);
  return admin ? 'admin' : viewer ? 'viewer' : undefined;
}

/**
 * Lets a request through only with `Authorization: Bearer <token>` of a role in `roles` (default: the admin
 * token only); 401 for no token or a wrong one, 403 for a read-only token on a route that changes data. An
 * IP past ADMIN_FAILURES_PER_MINUTE failures gets 429 for the rest of the minute, right token or not:
 * answering a right guess while refusing wrong ones would leave the guessing as fast as before.
 */
export function adminAuth(deps: AuthDeps, roles: readonly Role[] = ['admin']): MiddlewareHandler {
  const challenge = { 'WWW-Authenticate': 'Bearer realm="koe"' };
  const reader = roles.includes('viewer');
  return async (c, next) => {
    if (!deps.adminToken && !(reader && deps.viewerToken)) {
      // Its own code: no token can help here, so a client should say so rather than ask for another one.
      throw new ApiError(401, 'admin_disabled', 'The admin API is disabled: start the collector with KOE_ADMIN_TOKEN or --admin-token', undefined, challenge);
    }
    const ip = rateLimitKeyOf(clientIp(c, deps.trustedProxies));
    // The NUL keeps these keys apart from ingest's `<ip>\0<site>` ones in the shared limiter.
    const key = `\u0000admin\u0000${ip}`;
    const blocked = deps.limiter.check(key, ADMIN_FAILURES_PER_MINUTE);
    if (!blocked.allowed) {
      throw new ApiError(429, 'rate_limited', `Too many failed admin requests from this address; retry in ${blocked.retryAfterSeconds} s`, undefined, {
        'Retry-After': String(blocked.retryAfterSeconds),
      });
    }
    const role = roleOf(c.req.header('authorization'), deps);
    if (role === undefined) {
      deps.limiter.hit(key, ADMIN_FAILURES_PER_MINUTE);
      if (!deps.limiter.check(key, ADMIN_FAILURES_PER_MINUTE).allowed) {
        deps.logger.warn(`admin: ${ADMIN_FAILURES_PER_MINUTE} failed requests from ${ip} this minute; refusing it until the minute ends`);
      }
      throw new ApiError(401, 'unauthorized', 'This route needs Authorization: Bearer <admin token>', undefined, challenge);
    }
    // A right token of the wrong role is no guess: it is refused without counting as a failure.
    if (!roles.includes(role)) throw new ApiError(403, 'forbidden', 'This token may only read: this route changes data and needs the admin token');
    await next();
  };
}

/** The roles of the routes that only read: reports, comments, exports, the site listing, the case list. */
export const READ_ROLES: readonly Role[] = ['admin', 'viewer'];
