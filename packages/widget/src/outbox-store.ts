import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { SurveyResponse } from '@koe/core';
import { memoryOutboxStore } from './memory-outbox-store.js';

export { memoryOutboxStore };

/** One answer waiting in the outbox. Short keys: items are structured-cloned and this code ships on every page. */
export interface OutboxItem {
  /** The answer, exactly as it will be sent; `r.id` is the key and the collector's idempotency key. */
  r: SurveyResponse;
  /** When it was saved, ms since epoch (the age bound). */
  t: number;
  /** Token of the page holding it while the visitor may still type a comment; absent once releasable. */
  h?: string;
  /** Not before this time (backoff after a failure), ms since epoch. */
  n?: number;
  /** 1 when `n` came from the collector's Retry-After, which a new page load must honour too. */
  w?: 1;
  /** Failed attempts so far. */
  k?: number;
}

/** Where outbox items live. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(items: OutboxItem[]): Promise<void>;
  del(ids: string[]): Promise<void>;
}

/**
 * Items in IndexedDB (database `koe`, object store `outbox`, one entry per answer id), shared by every tab
 * of the origin and kept across page loads. The first failure (no IndexedDB in private modes and some
 * WebViews, a blocked or corrupt database) switches to memory for the rest of the page, never throwing.
 */
export function idbOutboxStore(): OutboxStore {
  const memory = memoryOutboxStore();
  let db: UseStore | undefined;
  let broken = false;
  const use = async <T>(run: (store: UseStore) => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (!broken) {
      try {
        return await run((db ??= createStore('koe', 'outbox')));
      } catch {
        broken = true;
      }
    }
    return fallback();
  };
  // idb-keyval's store and request helpers with our own three operations: its values()/setMany()/delMany()
  // would also bring its default-store code and a cursor fallback for browsers without getAll (none we
  // support), about 100 B gzip in the answering chunk.
  const write = (s: UseStore, each: (o: IDBObjectStore) => void) => s('readwrite', (o) => (each(o), promisifyRequest(o.transaction)));
  return {
    all: () => use((s) => s('readonly', (o) => promisifyRequest<OutboxItem[]>(o.getAll())), memory.all),
    put: (items) => use((s) => write(s, (o) => items.forEach((item) => o.put(item, item.r.id))), () => memory.put(items)),
    del: (ids) => use((s) => write(s, (o) => ids.forEach((id) => o.delete(id))), () => memory.del(ids)),
  };
}
