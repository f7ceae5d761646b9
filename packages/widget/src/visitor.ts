import { readJson, type KeyValueStorage } from './storage.js';
import type { KoeContext } from './types.js';
import { uuid } from './uuid.js';

/** What the widget remembers about this browser, shared by every tab through localStorage. */
export interface VisitorState {
  /** Anonymous id: random, made here, never derived from anything about the person. */
  a: string;
  /** User id from `identify`. */
  u?: string;
  /** Traits from `identify`, sent as context. */
  t?: KoeContext;
  /** When each survey was last shown or answered, ms since epoch, by survey id. */
  s: Record<string, number>;
  /** When any survey was last shown (the global cooldown). */
  l?: number;
}

/** Reads and updates the visitor state; every read goes to storage so decisions see other tabs' writes. */
export interface Visitor {
  read(): VisitorState;
  update(change: (state: VisitorState) => void): void;
}

/** The visitor state of a site, stored under `koe:<site>`. */
export function createVisitor(storage: KeyValueStorage, site: string): Visitor {
  const key = `koe:${site}`;
  const read = (): VisitorState => {
    const state = readJson<VisitorState>(storage, key);
    if (state?.a && state.s) return state;
    const fresh: VisitorState = { a: uuid(), s: {} };
    storage.setItem(key, JSON.stringify(fresh));
    return fresh;
  };
  return {
    read,
    update(change) {
      const state = read();
      change(state);
      storage.setItem(key, JSON.stringify(state));
    },
  };
}
