import type { SiteIndex } from './config/sites.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';

/** What the routes share: built once by createApp from its options. */
export interface AppDeps {
  store: Store;
  sites: () => SiteIndex;
  now: () => Date;
  logger: Logger;
  adminToken: string | undefined;
  /** A read-only token: reports, comments, exports and cases, but no case edits or deletions. */
  viewerToken: string | undefined;
  trustedProxies: number;
  defaultRateLimit: number;
  limiter: RateLimiter;
  /** Tells the operator about a browser origin a site does not list (rate-limited: see originNotices). */
  refusedOrigin: (site: string, origin: string) => void;
}
