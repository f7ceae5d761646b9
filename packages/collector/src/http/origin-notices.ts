import type { Logger } from '../logger.js';

/** Options of `originNotices`. */
export interface OriginNoticeOptions {
  /** How long one site and origin stay quiet after their line (default an hour). */
  intervalMs?: number;
  /** Lines per interval over all sites and origins (default 20), so made-up origins cannot flood the log. */
  maxPerInterval?: number;
}

/**
 * Tells the operator about browser requests from an origin a site does not list, once per site and origin
 * an interval. The page cannot say why: a browser hides a refused CORS answer from it behind a bare
 * "Failed to fetch", so a site whose `origins` miss `https://www.` would otherwise fail in silence.
 */
export function originNotices(logger: Logger, now: () => number, options: OriginNoticeOptions = {}): (site: string, origin: string) => void {
  const interval = options.intervalMs ?? 3_600_000;
  const max = options.maxPerInterval ?? 20;
  const last = new Map<string, number>();
  let windowStart = -Infinity;
  let lines = 0;
  return (site, origin) => {
    const at = now();
    const key = `${site}\u0000${origin}`;
    const seen = last.get(key);
    if (seen !== undefined && at - seen < interval) return;
    if (at - windowStart >= interval) {
      windowStart = at;
      lines = 0;
      // Entries older than the interval say nothing any more; dropping them all bounds the map.
      last.clear();
    }
    last.set(key, at);
    lines += 1;
    if (lines > max) {
      if (lines === max + 1) logger.warn(`origins: more refused origins this hour than ${max}; not naming the others until it ends`);
      return;
    }
    logger.warn(
      `site "${site}": refused a browser request from ${JSON.stringify(origin.slice(0, 200))}, which is not one of its origins; if the page is yours, add that origin to the site's "origins" in the config (said once an hour)`,
    );
  };
}
