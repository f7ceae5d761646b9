import type { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { BOM, csvWriter } from '../export/csv.js';
import { adminAuth, READ_ROLES } from '../http/auth.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { invalidQuery } from '../http/errors.js';
import { parseQuery } from '../http/query.js';
import { ExportQuery, responseFilterOf } from '../reports/query.js';
import type { StoredResponse } from '../store/store.js';

// Rows are sent in chunks of about this many characters: one write per row would cost more than the rows.
const CHUNK_CHARS = 64 * 1024;

/** GET /v1/responses: every answer of a survey, streamed as NDJSON or CSV without holding them in memory. */
export function exportRoutes(app: Hono, deps: AppDeps): void {
  app.get('/v1/responses', adminAuth(deps, READ_ROLES), (c) => {
    const query = parseQuery(c, ExportQuery, { context: true });
    const entry = deps.sites().sites.get(query.site);
    if (!entry) throw invalidQuery([{ path: 'site', message: `no site "${query.site}" in the configuration` }]);
    const csv = query.format === 'csv';
    // NDJSON lines already hold the whole context; accepting the parameter there would look as if it did something.
    if (!csv && query.context) throw invalidQuery([{ path: 'context', message: 'applies to format=csv only: each NDJSON line holds the whole context' }]);
    const filter = responseFilterOf({ ...query, tz: query.tz ?? 'UTC' });
    // NDJSON is for programs, which read the ISO instants themselves: `tz` adds nothing to its lines.
    const writer = csv ? csvWriter({ timeZone: query.tz, contextKeys: query.context }) : undefined;
    const line = writer ? writer.row : (response: StoredResponse) => `${JSON.stringify(response)}\n`;
    const body = textStream(deps.store.responses(filter), line, writer ? BOM + writer.header : '', (error) =>
      deps.logger.error(`export: ${error instanceof Error ? error.message : String(error)}`),
    );
    const name = `koe-${query.site}-${query.survey}.${csv ? 'csv' : 'ndjson'}`;
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}

/** A byte stream of `head` then one line per item, pulled only as fast as the client reads. */
function textStream<T>(items: AsyncIterable<T>, line: (item: T) => string, head: string, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = items[Symbol.asyncIterator]();
  let pending = head;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            if (pending) controller.enqueue(encoder.encode(pending));
            controller.close();
            return;
          }
          pending += line(next.value);
          if (pending.length >= CHUNK_CHARS) {
            controller.enqueue(encoder.encode(pending));
            pending = '';
            // A fast reader pulls again at once, and SQLite's reads are synchronous: without a turn of the
            // event loop here a large export held ingest and /health for its whole length (2.4 s for 32 MB).
            await new Promise((resolve) => setImmediate(resolve));
            return;
          }
        }
      } catch (error) {
        // Headers are gone already; failing the stream makes the client see a truncated download, not a
        // complete-looking file.
        onError(error);
        controller.error(new Error('export failed'));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
