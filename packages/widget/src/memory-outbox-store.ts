import type { OutboxItem, OutboxStore } from './outbox-store.js';

// Its own module, so the npm entry can export it without pulling idb-keyval (and the IndexedDB store)
// into an app's startup chunk: bundlers split code by module.

/** Items in memory only: lost with the page, used when IndexedDB is missing or broken. */
export function memoryOutboxStore(): OutboxStore {
  const map = new Map<string, OutboxItem>();
  return {
    all: async () => [...map.values()].map((item) => ({ ...item })),
    put: async (items) => items.forEach((item) => map.set(item.r.id, { ...item })),
    del: async (ids) => ids.forEach((id) => map.delete(id)),
  };
}
