import { MESSAGES, type Locale, type SurveyResponse } from '@koe/core';
import type { LocaleModule } from './options.js';

/** A valid answer for tests. */
export function response(id: string, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id,
    site: 'shop',
    survey: 'nps',
    kind: 'nps',
    score: 9,
    locale: 'en',
    channel: 'web',
    answeredAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

/** A locale chunk built from core, as dist/koe-locale-*.js is. */
export const loadLocale = async (locale: Locale): Promise<LocaleModule> => ({ default: MESSAGES[locale] });

/** A fetch double: answers from `handler`, recording every request with its parsed body. */
export function fakeFetch(handler: (url: string, init: RequestInit | undefined, call: number) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    let body: unknown;
    try {
      body = init?.body ? JSON.parse(String(init.body)) : undefined;
    } catch {
      body = init?.body;
    }
    calls.push({ url, init, body });
    return handler(url, init, calls.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** The ids a recorded POST carried. */
export const idsOf = (body: unknown) => (body as { responses: SurveyResponse[] }).responses.map((r) => r.id);

/**
 * A Web Locks double shared by "tabs": exclusive locks by name, granted in request order, and `query`.
 * Enough of the API for the outbox (request with a callback, query().held).
 */
export function fakeLocks(): LockManager {
  const queues = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    async request(name: string, ...rest: unknown[]) {
      const callback = rest[rest.length - 1] as (lock: Lock | null) => unknown;
      const before = queues.get(name) ?? Promise.resolve();
      const run = before.then(async () => {
        held.add(name);
        try {
          return await callback({ name, mode: 'exclusive' } as Lock);
        } finally {
          held.delete(name);
        }
      });
      queues.set(name, run.catch(() => {}));
      return run;
    },
    async query() {
      return { held: [...held].map((name) => ({ name, mode: 'exclusive' as const, clientId: 'x' })), pending: [] };
    },
  } as unknown as LockManager;
}

/** Lets pending promise callbacks (and fake-indexeddb's tasks) run. */
export const settle = async (rounds = 20) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};
