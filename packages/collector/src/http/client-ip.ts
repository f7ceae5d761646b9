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
 * The unit an address is rate-limited as: an IPv4 address itself (also when IPv4-mapped, `::ffff:1.2.3.4`
 * in any spelling), an IPv6 address's /64 (`2001:db8:1:2::/64`), without a port (some proxies write
 * `1.2.3.4:5678` into X-Forwarded-For: keyed with it, every new connection would start a fresh count).
 * One subscriber usually gets a whole /64 and may pick any address in it, so counting single IPv6
 * addresses would let one client through at 2^64 times the limit.
 */
export function rateLimitKeyOf(address: string): string {
  const ip = withoutPort(address);
  if (!isIPv6(ip)) return ip;
  // What a dual-stack listener reports for every IPv4 client: answered without expanding (it is on every answer's path).
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const groups = hextets(ip);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  return v4 ? v4[1]! : address;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` and an IPv4 tail expanded, zone dropped. */
function hextets(ip: string): number[] {
  let text = ip.split('%')[0]!;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => Number.parseInt(group, 16));
}
