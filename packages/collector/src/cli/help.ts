/** `koe --help`. */
export const HELP = `koe: post-interaction NPS, CSAT and CES surveys (the collector)

Usage:
  koe serve [options]          Start the collector
  koe seed --demo [options]    Fill the store with realistic demo answers
  koe --help | --version

koe serve options (environment variable in brackets):
  --port <n>              TCP port, 0 for a free one              [KOE_PORT]      8787
  --host <addr>           Interface to listen on                  [KOE_HOST]      0.0.0.0
  --db <file>             Embedded SQLite file                    [KOE_DB]        ./koe.db
  --database-url <url>    PostgreSQL instead (postgres://…)       [KOE_DATABASE_URL]
  --config <file>         Sites and surveys (reloaded on edit)    [KOE_CONFIG]    ./koe.config.json
  --admin-token <token>   Bearer token of the report API, ≥ 16 characters  [KOE_ADMIN_TOKEN]
  --viewer-token <token>  A read-only token (reports, comments, exports, cases; no edits)  [KOE_VIEWER_TOKEN]
  --trust-proxy [hops]    Read client IPs from X-Forwarded-For    [KOE_TRUST_PROXY]
  --rate-limit <n>        Default answers POSTs per minute per IP and site (0: off)  [KOE_RATE_LIMIT]  120
  --widget-dir <dir>      Serve koe.js and its chunks from here   [KOE_WIDGET_DIR]
  --no-dashboard          Serve no dashboard (the admin API stays)
  --dashboard-dir <dir>   Serve the dashboard at /dashboard/      [KOE_DASHBOARD_DIR]
  --sqlite-mmap <MiB>     SQLite file mapped for reports (0: off) [KOE_SQLITE_MMAP] 1024
  --static <prefix=dir>   Serve a directory under a URL prefix (repeatable)

koe serve signals: SIGHUP re-reads the config file; SIGTERM or SIGINT finishes in-flight requests, then exits 0.

koe seed options:
  --demo                  Generate the demo site's answers (required)
  --responses <n>         How many (default 2000)
  --days <n>              Spread over this many days before now (default 90)
  --site <key>            Site key (default demo)
  --db, --database-url    The store to fill, as for serve
  --config <file>         Open follow-up cases as its case rules say   [KOE_CONFIG]

Examples:
  koe serve --config ./koe.config.json
  KOE_ADMIN_TOKEN="$(openssl rand -hex 24)" koe serve --db /var/lib/koe/koe.db --trust-proxy
  koe seed --demo --responses 5000 --days 180
`;
