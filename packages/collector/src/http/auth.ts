import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

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

/** Lets a request through only with `Authorization: Bearer <token>`; 401 otherwise (and always without a token). */
export function adminAuth(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const given = bearerToken(c.req.header('authorization'));
    if (token === undefined || token === '') {
      throw new ApiError(401, 'unauthorized', 'The admin API is disabled: start the collector with KOE_ADMIN_TOKEN or --admin-token', undefined, {
        'WWW-Authenticate': 'Bearer realm="koe"',
      });
    }
    if (given === undefined || !safeEqual(given, token)) {
      throw new ApiError(401, 'unauthorized', 'This route needs Authorization: Bearer <admin token>', undefined, {
        'WWW-Authenticate': 'Bearer realm="koe"',
      });
    }
    await next();
  };
}
