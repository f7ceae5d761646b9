import type { SurveyResponse } from '@koe/core';
import type { Emitter } from './emitter.js';
import type { OutboxItem, OutboxStore } from './outbox-store.js';
import type { Delivery } from './types.js';

/** What the outbox needs; everything with a side effect is passed in. */
export interface OutboxOptions {
  /** POST target, `{endpoint}/v1/responses`. */
  url: string;
  site: string;
  store: OutboxStore;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  emit: Emitter['emit'];
  /** Token of this page, marking the answers it holds while the visitor types a comment. */
  page: string;
  /** Web Locks (`navigator.locks`) so two tabs never send the same answer at once; absent: in-page only. */
  locks?: LockManager | undefined;
  /** Told whether answers of this site wait in the outbox, so the next page knows to load the outbox at all. */
  mark?: ((waiting: boolean) => void) | undefined;
  /** `navigator.sendBeacon`, used on pagehide. */
  beacon?: ((url: string, body: string) => boolean) | undefined;
  /** At most this many answers are kept (the oldest go first); default 100. */
  max?: number;
  /** Answers older than this are dropped, ms; default 30 days. */
  maxAge?: number;
}

/** The outbox: every answer is saved before any network call, then sent until the collector has it. */
export interface Outbox {
  /** Saves an answer whose comment may still come; it is not sent until `add` or until its page is gone. */
  hold(response: SurveyResponse): Promise<void>;
  /** Saves the final answer (replacing a held one with the same id) and sends it. */
  add(response: SurveyResponse): Promise<Delivery>;
  /** Sends what is due; `force` also retries answers still in backoff (a new page load, back online). */
  flush(force?: boolean): Promise<void>;
  /** On pagehide: hands what is left to sendBeacon (the ids stay in the outbox; the collector dedupes). */
  pagehide(persisted: boolean): void;
  /** Stops timers for good (a send still under way sets no new one) and releases this page's lock. */
  dispose(): void;
}

// A keepalive request or beacon may carry 64 KiB in flight, and the collector takes 64 KiB: 20,000
// characters of JSON stay under that even if every character takes 3 bytes in UTF-8.
const MAX_CHARS = 20_000;

/** Splits answers into request bodies (`{"responses":[…]}`) that each fit one keepalive request or beacon. */
export function batches(items: OutboxItem[]): OutboxItem[][] {
  const out: OutboxItem[][] = [];
  let chars = MAX_CHARS;
  for (const item of items) {
    const size = JSON.stringify(item.r).length;
    if (chars + size > MAX_CHARS || out[0]!.length > 99) out.unshift([]), (chars = 0);
    out[0]!.push(item);
    chars += size;
  }
  return out.reverse();
}

const body = (items: OutboxItem[]) => JSON.stringify({ responses: items.map((item) => item.r) });

/** Creates the outbox. */
export function createOutbox(o: OutboxOptions): Outbox {
  const { url, site, store, now, emit, page, locks } = o;
  /** What this page believes is unsent: read synchronously on pagehide, when IndexedDB is too slow. */
  const pending = new Map<string, OutboxItem>();
  /** What became of the answers this page sent: stored, or refused by the collector (4xx) and dropped. */
  const done = new Map<string, Delivery>();
  let chain = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let releasePage: (() => void) | undefined;

  /** Ids this page holds while their comment may still come. */
  const holding = new Set<string>();
  /** Pages whose held answers this page waits to release (one lock request each). */
  const awaiting = new Set<string>();

  // Open IndexedDB now, while the survey shows: a score picked just before the tab closes must only need
  // its write, not the database's opening too, to land before the page is torn down.
  void store.all();

  const put = (items: OutboxItem[]) => {
    for (const item of items) pending.set(item.r.id, item);
    o.mark?.(true);
    return store.put(items);
  };
  const drop = (items: OutboxItem[]) => {
    for (const item of items) pending.delete(item.r.id);
    return store.del(items.map((item) => item.r.id));
  };

  /** Sends one batch; false when the collector could not be reached (stop sending for now). */
  const send = async (batch: OutboxItem[]): Promise<boolean> => {
    const response = await o
      // text/plain keeps the request CORS-simple (no preflight) and matches what sendBeacon sends.
      .fetch(url, { method: 'POST', keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain' }, body: body(batch) })
      .catch(() => undefined);
    const status = response?.status ?? 0;
    if (status > 199 && status < 300) {
      await drop(batch);
      for (const { r } of batch) done.set(r.id, 'sent'), emit('sent', { id: r.id, survey: r.survey });
      return true;
    }
    if (!status || status == 408 || status == 429 || status > 499) {
      const at = now();
      const wait = +response?.headers.get('Retry-After')! * 1000 || 0;
      await put(
        batch.map((item) => {
          const k = (item.k ?? 0) + 1;
          // Exponential backoff from 2 s, capped at 5 min, with jitter so clients do not retry in step.
          const backoff = Math.min(300_000, 1000 * 2 ** k) * (0.5 + o.random() / 2);
          return { ...item, k, n: at + Math.max(backoff, wait), w: wait ? 1 : undefined };
        }),
      );
      return false;
    }
    // One bad answer makes the collector refuse the whole batch: retry each alone so the others get through.
    if (batch.length > 1) {
      for (const item of batch) if (!(await send([item]))) return false;
      return true;
    }
    const id = batch[0]!.r.id;
    let why = '';
    try {
      // The collector's reason (`{ error: { message } }`, its first issue included), cut short: a page's
      // error handler may log or display it.
      why = `: ${(await response!.json()).error.message.slice(0, 200)}`;
    } catch {
      // Another body (a proxy's page) or none: the status alone.
    }
    await drop(batch);
    done.set(id, 'rejected');
    emit('error', { code: 'rejected', status, id, message: `koe: the collector refused answer ${id} (HTTP ${status}${why}); dropped` });
    return true;
  };

  const run = async (force: boolean) => {
    const at = now();
    const alive = locks && new Set((await locks.query()).held?.map((lock) => lock.name));
    const items = (await store.all()).filter((item) => item.r.site === site).sort((a, b) => a.t - b.t);
    const extra = items.length - (o.max ?? 100);
    const due: OutboxItem[] = [];
    pending.clear();
    for (const [index, item] of items.entries()) {
      const { r, h, n, w } = item;
      const expired = at - item.t > (o.maxAge ?? 2_592_000_000);
      if (expired || index < extra) {
        await drop([item]);
        emit('error', { code: expired ? 'expired' : 'overflow', id: r.id, message: `koe: answer ${r.id} dropped (${expired ? 'too old' : 'outbox full'})` });
        continue;
      }
      // A held answer whose page is gone (closed, crashed) goes without its comment, under the same id.
      if (h && h != page && !alive?.has(`koe-page:${h}`)) delete item.h, await put([item]);
      // Its page still open (or a closing tab whose lock the browser has not let go yet): flush again the
      // moment that lock is free, rather than leaving the answer until some later page load.
      else if (h && h != page && !awaiting.has(h))
        awaiting.add(h), locks!.request(`koe-page:${h}`, () => void (awaiting.delete(h), flush())).catch(() => {});
      pending.set(r.id, item);
      if (!item.h && (!n || n <= at || (force && !w))) due.push(item);
    }
    for (const batch of batches(due)) if (!(await send(batch))) break;
    let next = Infinity;
    for (const { h, n } of pending.values()) if (!h && n) next = Math.min(next, n);
    o.mark?.(pending.size > 0);
    clearTimeout(timer);
    // A send under way when dispose() came (the score destroy() sends) still ends, but sets no retry timer.
    if (next < Infinity && !disposed) timer = setTimeout(flush, next - now());
  };

  const flush = (force = false): Promise<void> => {
    const task = () => run(force).catch(() => {});
    // A refused lock request must not leave the chain rejected, or no later flush of this page would run.
    return (chain = chain.then(async () => void (await (locks ? locks.request(`koe-outbox:${site}`, task) : task()))).catch(() => {}));
  };

  return {
    hold(response) {
      // While it holds an answer the page holds this lock, telling other tabs that a comment may still
      // come. Only then: a held lock keeps a page out of the back/forward cache.
      if (!holding.size) locks?.request(`koe-page:${page}`, () => holding.size && new Promise<void>((resolve) => (releasePage = resolve))).catch(() => {});
      holding.add(response.id);
      return put([{ r: response, t: now(), h: page }]).catch(() => {});
    },
    async add(response) {
      await put([{ r: response, t: now() }]).catch(() => {});
      if (holding.delete(response.id) && !holding.size) releasePage?.();
      await flush();
      return done.get(response.id) ?? 'queued';
    },
    flush,
    pagehide(persisted) {
      const left: OutboxItem[] = [];
      for (const item of pending.values()) {
        // Leaving for good: this page's held answer goes now, without its comment (bfcache may bring it back).
        if (item.h == page && !persisted) delete item.h, store.put([item]).catch(() => {});
        if (!item.h) left.push(item);
      }
      for (const batch of batches(left)) {
        try {
          o.beacon?.(url, body(batch));
        } catch {
          // A refused beacon (quota) leaves the answer in the outbox for the next page load.
        }
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      releasePage?.();
    },
  };
}
