import { isIPv6 } from 'node:net';
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

/**
 * The unit an address is rate-limited as: an IPv4 address itself (also when IPv4-mapped, `::ffff:1.2.3.4`),
 * an IPv6 address's /64 (`2001:db8:1:2::/64`). One subscriber usually gets a whole /64 and may pick any
 * address in it, so counting single IPv6 addresses would let one client through at 2^64 times the limit.
 */
export function rateLimitKeyOf(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  // An IPv4 tail (::1.2.3.4) fills the last 32 bits: two groups.
  const right = ip.includes('::') && tail !== '' ? tail.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
