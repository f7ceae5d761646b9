import type { KoeEventName, KoeEvents, KoeListener } from './types.js';

/** The widget's events: a throwing listener is isolated so it breaks neither the widget nor other listeners. */
export interface Emitter {
  on<E extends KoeEventName>(event: E, listener: KoeListener<E>): void;
  off<E extends KoeEventName>(event: E, listener: KoeListener<E>): void;
  emit<E extends KoeEventName>(event: E, payload: KoeEvents[E]): void;
}

/** Creates an emitter. */
export function createEmitter(): Emitter {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      // A listener that is not a function throws when called, inside emit's try: no need to check here.
      (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(listener as (payload: never) => void);
    },
    off(event, listener) {
      listeners.get(event)?.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch {
          // A listener's own bug must not stop delivery to the others, nor reach the page's console.
        }
      }
    },
  };
}
