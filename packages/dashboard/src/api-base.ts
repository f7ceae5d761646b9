/**
 * Where the collector's routes start, read from the page's own path: the collector serves the dashboard at
 * `<base>/dashboard/`, and a proxy may publish it under a prefix (`/koe/dashboard/` → `/koe`, so calls go to
 * `/koe/v1/…`). '' (the origin's root) when the page is served elsewhere.
 */
export function apiBaseOf(pathname: string): string {
  return /^(.*)\/dashboard(?:\/[^/]*)?$/.exec(pathname)?.[1] ?? '';
}
