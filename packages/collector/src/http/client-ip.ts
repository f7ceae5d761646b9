import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's IP address. With `trustedProxies` > 0 it comes from `X-Forwarded-For`, counting that many
 * hops from the right: the entries a client writes itself sit on the left, so the leftmost one is never trusted.
 */
export function clientIp(c: Context, trustedProxies: number): string {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return socket;
  const header = c.req.header('x-forwarded-for');
  if (!header) return socket;
  const hops = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return hops[Math.max(0, hops.length - trustedProxies)] ?? socket;
}
