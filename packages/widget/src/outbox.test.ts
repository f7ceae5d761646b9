import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter.js';
import { createOutbox, type OutboxOptions } from './outbox.js';
import { idbOutboxStore, memoryOutboxStore, type OutboxStore } from './outbox-store.js';
import { fakeFetch, fakeLocks, idsOf, response } from './test-support.js';
import type { ErrorEvent, SentEvent } from './types.js';

const ok = () => new Response('{"accepted":1,"duplicates":0}', { status: 202 });

function setup(handler: Parameters<typeof fakeFetch>[0], options: Partial<OutboxOptions> = {}) {
  const { fetch, calls } = fakeFetch(handler);
  const events = createEmitter();
  const sent: SentEvent[] = [];
  const errors: ErrorEvent[] = [];
  events.on('sent', (e) => sent.push(e));
  events.on('error', (e) => errors.push(e));
  const store = options.store ?? memoryOutboxStore();
  const outbox = createOutbox({
    url: 'https://c.example/v1/responses',
    site: 'shop',
    store,
    fetch,
    now: () => Date.now(),
    random: () => 1,
    emit: events.emit,
    page: 'page-a',
    ...options,
  });
  return { outbox, store, calls, sent, errors };
}

describe('outbox', () => {
  beforeEach(() => void vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  it('saves the answer before any network call, sends it as text/plain keepalive JSON, then removes it', async () => {
    let storedAtSend: string[] = [];
    const store = memoryOutboxStore();
    const { outbox, calls, sent } = setup(
      async () => {
        storedAtSend = (await store.all()).map((item) => item.r.id);
        return ok();
      },
      { store },
    );
    expect(await outbox.add(response('a1'))).toBe('sent');
    expect(storedAtSend).toEqual(['a1']);
    expect(calls[0]!.url).toBe('https://c.example/v1/responses');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'text/plain' } });
    expect(idsOf(calls[0]!.body)).toEqual(['a1']);
    expect(await store.all()).toEqual([]);
    expect(sent).toEqual([{ id: 'a1', survey: 'nps' }]);
  });

  it('opens its store as soon as it is created, before any answer needs it', async () => {
    const inner = memoryOutboxStore();
    let reads = 0;
    const store: OutboxStore = { ...inner, all: () => ((reads += 1), inner.all()) };
    setup(() => ok(), { store });
    // A score picked just before the tab closes then only waits for its own write.
    expect(reads).toBe(1);
  });

  it('retries network errors and 5xx with capped exponential backoff', async () => {
    const { outbox, calls, store } = setup((_u, _i, call) => (call === 1 ? Promise.reject(new TypeError('offline')) : call === 2 ? new Response('', { status: 503 }) : ok()));
    expect(await outbox.add(response('a1'))).toBe('queued');
    expect(calls).toHaveLength(1);
    // random() = 1 gives the full delay: 2 s after the first failure, then 4 s.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(await store.all()).toEqual([]);
    expect(idsOf(calls[2]!.body)).toEqual(['a1']);
  });

  it('caps the backoff at five minutes and jitters it', async () => {
    let random = 0;
    const { outbox, store } = setup(() => new Response('', { status: 500 }), { random: () => random });
    await outbox.add(response('a1'));
    for (let i = 0; i < 12; i++) {
      const [item] = await store.all();
      await vi.advanceTimersByTimeAsync(item!.n! - Date.now());
    }
    const [item] = await store.all();
    expect(item!.k).toBe(13);
    // random() = 0 halves the delay: the jitter range is 50–100 % of the capped 300 s.
    expect(item!.n! - Date.now()).toBe(150_000);
    random = 1;
  });

  it('honours Retry-After on 429, even on a forced flush', async () => {
    const { outbox, calls } = setup((_u, _i, call) => (call === 1 ? new Response('', { status: 429, headers: { 'Retry-After': '30' } }) : ok()));
    await outbox.add(response('a1'));
    await outbox.flush(true);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
  });

  it('a forced flush (online, new page) retries at once what waits in backoff', async () => {
    const { outbox, calls } = setup((_u, _i, call) => (call === 1 ? new Response('', { status: 502 }) : ok()));
    await outbox.add(response('a1'));
    await outbox.flush();
    expect(calls).toHaveLength(1);
    await outbox.flush(true);
    expect(calls).toHaveLength(2);
  });

  it('sets no retry timer once disposed, even for a send already under way (a score destroy() sends)', async () => {
    const { outbox, calls } = setup(() => Promise.reject(new TypeError('offline')));
    const sending = outbox.add(response('a1'));
    outbox.dispose();
    expect(await sending).toBe('queued');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
  });

  it('drops an answer the collector refuses with a 4xx and reports it, without retrying', async () => {
    const { outbox, calls, errors, store } = setup(() => new Response('{"error":{"message":"bad"}}', { status: 400 }));
    // Not "queued": it is gone, and a chat must not tell the visitor it was saved.
    expect(await outbox.add(response('a1'))).toBe('rejected');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
    expect(await store.all()).toEqual([]);
    expect(errors).toMatchObject([{ code: 'rejected', status: 400, id: 'a1' }]);
  });

  it('says why the collector refused an answer, briefly, when it says so', async () => {
    const reason = 'The request body is invalid: responses.0.score: nps score 11 is off the scale (and 1 more)';
    const bodies = [
      JSON.stringify({ error: { code: 'invalid_body', message: reason, issues: [{ path: 'responses.0.score', message: 'off the scale' }] } }),
      JSON.stringify({ error: { code: 'forbidden', message: 'x'.repeat(5000) } }),
      'Forbidden',
      '{"error":{}}',
    ];
    const { outbox, errors } = setup((_u, _i, call) => new Response(bodies[call - 1], { status: call == 1 ? 400 : 403 }));
    for (const id of ['a1', 'a2', 'a3', 'a4']) expect(await outbox.add(response(id))).toBe('rejected');
    expect(errors.map((e) => [e.status, e.message])).toEqual([
      [400, `koe: the collector refused answer a1 (HTTP 400: ${reason}); dropped`],
      [403, `koe: the collector refused answer a2 (HTTP 403: ${'x'.repeat(200)}); dropped`],
      [403, 'koe: the collector refused answer a3 (HTTP 403); dropped'],
      [403, 'koe: the collector refused answer a4 (HTTP 403); dropped'],
    ]);
  });

  it('counts a 2xx for a duplicate as delivered', async () => {
    const { outbox, sent } = setup(() => new Response('{"accepted":0,"duplicates":1}', { status: 202 }));
    expect(await outbox.add(response('a1'))).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('splits a refused batch so one bad answer does not take the others down', async () => {
    const store = memoryOutboxStore();
    await store.put([
      { r: response('good-1'), t: Date.now() },
      { r: response('bad', { score: 11 }), t: Date.now() + 1 },
      { r: response('good-2'), t: Date.now() + 2 },
    ]);
    const { outbox, calls, sent, errors } = setup((_u, init) => {
      const ids = idsOf(JSON.parse(String(init!.body)));
      return ids.includes('bad') ? new Response('', { status: 400 }) : ok();
    }, { store });
    await outbox.flush(true);
    expect(calls.map((c) => idsOf(c.body))).toEqual([['good-1', 'bad', 'good-2'], ['good-1'], ['bad'], ['good-2']]);
    expect(sent.map((e) => e.id)).toEqual(['good-1', 'good-2']);
    expect(errors.map((e) => e.id)).toEqual(['bad']);
    expect(await store.all()).toEqual([]);
  });

  it('holds a scored answer unsent until its comment arrives, then sends it once under the same id', async () => {
    const { outbox, calls, store } = setup(ok);
    await outbox.hold(response('a1'));
    await outbox.flush(true);
    expect(calls).toHaveLength(0);
    expect(await store.all()).toMatchObject([{ r: { id: 'a1' }, h: 'page-a' }]);
    await outbox.add(response('a1', { comment: 'great' }));
    expect(calls).toHaveLength(1);
    expect((calls[0]!.body as { responses: { comment?: string }[] }).responses[0]!.comment).toBe('great');
  });

  it('releases an answer held by a page that is gone, sending it without its comment', async () => {
    const store = memoryOutboxStore();
    const first = setup(ok, { store, page: 'closed-tab' });
    await first.outbox.hold(response('a1'));
    const next = setup(ok, { store, page: 'next-page' });
    await next.outbox.flush(true);
    expect(next.calls.map((c) => idsOf(c.body))).toEqual([['a1']]);
    expect(await store.all()).toEqual([]);
  });

  it('leaves alone an answer held by a page that is still open (its Web Lock is held)', async () => {
    const store = memoryOutboxStore();
    const locks = fakeLocks();
    const open = setup(ok, { store, locks, page: 'open-tab' });
    await open.outbox.hold(response('a1'));
    const other = setup(ok, { store, locks, page: 'other-tab' });
    await other.outbox.flush(true);
    expect(other.calls).toHaveLength(0);
    open.outbox.dispose();
    await other.outbox.flush(true);
    expect(other.calls.map((c) => idsOf(c.body))).toEqual([['a1']]);
  });

  it('sends an answer held by another page the moment that page is gone, without waiting for a new flush', async () => {
    const store = memoryOutboxStore();
    const locks = fakeLocks();
    const closing = setup(ok, { store, locks, page: 'closing-tab' });
    await closing.outbox.hold(response('a1'));
    const next = setup(ok, { store, locks, page: 'next-page' });
    await next.outbox.flush(true);
    await next.outbox.flush(true);
    expect(next.calls).toHaveLength(0);
    // The browser lets the closing tab's lock go a little after the next page's first flush.
    closing.outbox.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(next.calls.map((c) => idsOf(c.body))).toEqual([['a1']]);
    expect(await store.all()).toEqual([]);
  });

  it('keeps flushing after a refused lock request (the flush chain never stays rejected)', async () => {
    const locks = fakeLocks();
    const request = locks.request.bind(locks);
    let refuse = true;
    locks.request = ((...args: Parameters<LockManager['request']>) => {
      if (refuse && args[0] === 'koe-outbox:shop') return (refuse = false), Promise.reject(new DOMException('refused', 'AbortError'));
      return (request as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as LockManager['request'];
    const { outbox, calls } = setup(ok, { locks });
    expect(await outbox.add(response('a1'))).toBe('queued');
    expect(await outbox.add(response('a2'))).toBe('sent');
    expect(calls.map((c) => idsOf(c.body))).toEqual([['a1', 'a2']]);
  });

  it('holds its page lock only while an answer is held (a held lock keeps a page out of the bfcache)', async () => {
    const locks = fakeLocks();
    const { outbox } = setup(ok, { locks, page: 'p1' });
    const held = async () => ((await locks.query()).held ?? []).map((l) => l.name);
    expect(await held()).toEqual([]);
    await outbox.hold(response('a1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await held()).toEqual(['koe-page:p1']);
    await outbox.add(response('a1', { comment: 'done' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(await held()).toEqual([]);
  });

  it('never lets two tabs send the same answer: the lock serialises their flushes', async () => {
    const store = memoryOutboxStore();
    const locks = fakeLocks();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = setup(async () => (await gate, ok()), { store, locks, page: 'tab-a' });
    const b = setup(ok, { store, locks, page: 'tab-b' });
    await store.put([{ r: response('x'), t: Date.now() }, { r: response('y'), t: Date.now() }]);
    const first = a.outbox.flush(true);
    const second = b.outbox.flush(true);
    await vi.advanceTimersByTimeAsync(10);
    release();
    await Promise.all([first, second]);
    const sentIds = [...a.calls, ...b.calls].flatMap((c) => idsOf(c.body));
    expect(sentIds.sort()).toEqual(['x', 'y']);
    expect(b.calls).toHaveLength(0);
  });

  it('is bounded: the oldest answers beyond the count and those past the age limit are dropped and reported', async () => {
    const store = memoryOutboxStore();
    const day = 86_400_000;
    await store.put([
      { r: response('ancient'), t: Date.now() - 31 * day },
      { r: response('old'), t: Date.now() - 3 },
      { r: response('mid'), t: Date.now() - 2 },
      { r: response('new'), t: Date.now() - 1 },
    ]);
    const { outbox, calls, errors } = setup(() => new Response('', { status: 503 }), { store, max: 2 });
    await outbox.flush(true);
    expect(errors.map((e) => [e.code, e.id])).toEqual([
      ['expired', 'ancient'],
      ['overflow', 'old'],
    ]);
    expect(idsOf(calls[0]!.body)).toEqual(['mid', 'new']);
    expect((await store.all()).map((i) => i.r.id).sort()).toEqual(['mid', 'new']);
  });

  it('sends only its own site, in batches that fit a keepalive request', async () => {
    const store = memoryOutboxStore();
    const long = 'あ'.repeat(2000);
    await store.put([
      ...Array.from({ length: 30 }, (_, i) => ({ r: response(`a${i}`, { comment: long }), t: Date.now() + i })),
      { r: response('other', { site: 'blog' }), t: Date.now() },
    ]);
    const { outbox, calls } = setup(ok, { store });
    await outbox.flush(true);
    const ids = calls.flatMap((c) => idsOf(c.body));
    expect(ids).toHaveLength(30);
    expect(ids).not.toContain('other');
    for (const call of calls) expect(new TextEncoder().encode(String(call.init!.body)).length).toBeLessThan(64 * 1024);
    expect(calls.length).toBeGreaterThan(1);
  });

  it('on pagehide hands what is left (and its own held answer) to sendBeacon, keeping the ids for the next page', async () => {
    const beacons: string[] = [];
    const { outbox, store } = setup(() => Promise.reject(new TypeError('offline')), { beacon: (_url, body) => (beacons.push(body), true) });
    await outbox.add(response('a1'));
    await outbox.hold(response('a2'));
    outbox.pagehide(false);
    expect(beacons.map((b) => idsOf(JSON.parse(b)).sort())).toEqual([['a1', 'a2']]);
    await vi.advanceTimersByTimeAsync(0);
    expect((await store.all()).map((i) => [i.r.id, i.h])).toEqual([
      ['a1', undefined],
      ['a2', undefined],
    ]);
  });

  it('keeps a held answer on a pagehide into the back/forward cache', async () => {
    const beacons: string[] = [];
    const { outbox } = setup(ok, { beacon: (_url, body) => (beacons.push(body), true) });
    await outbox.hold(response('a2'));
    outbox.pagehide(true);
    expect(beacons).toEqual([]);
  });

  it('tells the page whether answers wait, so later pages know to load the outbox', async () => {
    const marks: boolean[] = [];
    let up = false;
    const { outbox } = setup(() => (up ? ok() : Promise.reject(new TypeError('offline'))), { mark: (w) => marks.push(w) });
    await outbox.add(response('a1'));
    expect(marks.at(-1)).toBe(true);
    up = true;
    await outbox.flush(true);
    expect(marks.at(-1)).toBe(false);
  });
});

describe('IndexedDB store', () => {
  it('keeps answers across outbox instances (page loads) in IndexedDB', async () => {
    const first = idbOutboxStore();
    await first.put([{ r: response('persisted'), t: 1 }]);
    const second: OutboxStore = idbOutboxStore();
    expect((await second.all()).map((i) => i.r.id)).toContain('persisted');
    await second.del(['persisted']);
    expect((await first.all()).map((i) => i.r.id)).not.toContain('persisted');
  });

  it('falls back to memory without throwing when IndexedDB is missing', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser without IndexedDB (private modes, some WebViews)
    delete globalThis.indexedDB;
    try {
      const store = idbOutboxStore();
      await store.put([{ r: response('m1'), t: 1 }]);
      expect((await store.all()).map((i) => i.r.id)).toEqual(['m1']);
      await store.del(['m1']);
      expect(await store.all()).toEqual([]);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
