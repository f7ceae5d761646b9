import { createHmac } from 'node:crypto';
import type { CaseWebhook, FollowUpCase } from '@koe/core';
import type { SiteIndex } from '../config/sites.js';
import { consoleLogger, type Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { caseText } from './case-text.js';

/** Options of the case notifier; side effects are injected so tests control them. */
export interface NotifierOptions {
  store: Store;
  /** The current configuration: each attempt posts to the webhook the survey has then. */
  sites: () => SiteIndex;
  fetch?: typeof fetch;
  clock?: () => Date;
  logger?: Logger;
  /** How often to look for cases to announce, in ms (default 5000). */
  intervalMs?: number;
  /** How long one webhook call may take, in ms (default 10000). */
  timeoutMs?: number;
}

/** A running notifier. */
export interface Notifier {
  /** Announces every case due now; resolves to how many attempts it made. */
  poll(): Promise<number>;
  /** Stops polling, aborts the call under way, and hands back the cases this poll had claimed (due again at once). */
  close(): Promise<void>;
}

/** Attempts per case before giving up: with the backoff below, about 17 hours of retries. */
export const MAX_ATTEMPTS = 12;
/** The wait after failed attempt `n` (1-based): 30 s doubling each time, at most 6 hours. */
export const retryDelayMs = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 6 * 3_600_000);

const PER_POLL = 20;

/**
 * Posts each new follow-up case to its survey's webhook, from the store's queue of due cases, so an
 * announcement survives a restart and several collectors on one database announce each case once
 * (each claims its cases). Delivery is at least once: a receiver dedupes by `X-Koe-Delivery`.
 */
export function startNotifier(options: NotifierOptions): Notifier {
  const { store, sites } = options;
  const fetcher = options.fetch ?? fetch;
  const now = options.clock ?? (() => new Date());
  const logger = options.logger ?? consoleLogger;
  const intervalMs = options.intervalMs ?? 5000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let closed = false;
  // Aborts the call under way when the collector stops: a shutdown must not wait out a slow receiver.
  const stopping = new AbortController();

  const deliver = async (item: FollowUpCase, attempt: number): Promise<void> => {
    const webhook = sites().sites.get(item.site)?.surveys.get(item.survey)?.cases?.webhook;
    // A webhook missing here is retried like any failure: another collector sharing the database may have
    // opened the case under a configuration this one has not loaded yet.
    const outcome = closed ? undefined : webhook ? await post(item, webhook) : { error: 'the survey has no case webhook in this collector\'s configuration' };
    if (outcome && 'delivered' in outcome) {
      await store.recordNotification(item.id, attempt, outcome);
      return;
    }
    if (closed || !outcome) {
      // Stopped before or during this attempt: due again at once, for whichever collector runs next.
      await store.recordNotification(item.id, attempt, { error: 'the collector stopped before the webhook answered', retryAt: now() });
      return;
    }
    const giveUp = attempt >= MAX_ATTEMPTS;
    if (giveUp) logger.warn(`cases: gave up announcing case ${item.id}${webhook ? ` to ${new URL(webhook.url).host}` : ''} after ${attempt} attempts: ${outcome.error}`);
    const wait = Math.max(retryDelayMs(attempt), outcome.retryAfterMs ?? 0);
    await store.recordNotification(item.id, attempt, { error: outcome.error.slice(0, 500), retryAt: giveUp ? null : new Date(now().getTime() + wait) });
  };

  const post = async (item: FollowUpCase, webhook: CaseWebhook): Promise<{ delivered: Date } | { error: string; retryAfterMs?: number }> => {
    const body = JSON.stringify({ type: 'case.opened', text: caseText(item), case: item });
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'koe-collector', 'X-Koe-Delivery': item.id };
    if (webhook.secret) headers['X-Koe-Signature'] = `sha256=${createHmac('sha256', webhook.secret).update(body).digest('hex')}`;
    try {
      const response = await fetcher(webhook.url, { method: 'POST', headers, body, signal: callSignal(timeoutMs, stopping.signal), redirect: 'error' });
      // The body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => {});
      if (response.ok) return { delivered: now() };
      // A receiver that limits its rate (Slack answers 429) says when to come back.
      const retryAfter = Number(response.headers.get('retry-after'));
      return { error: `HTTP ${response.status}`, ...(retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter, 86_400) * 1000 } : {}) };
    } catch (cause) {
      return { error: describeFailure(cause, timeoutMs) };
    }
  };

  const pollOnce = async (): Promise<number> => {
    let attempts = 0;
    for (;;) {
      const at = now();
      // Held long enough for every attempt of this round to end; a process that dies meanwhile leaves
      // its cases due again once the hold passes.
      const due = await store.claimNotifications(at, new Date(at.getTime() + PER_POLL * timeoutMs + 60_000), PER_POLL);
      // One at a time: a burst of cases to one chat webhook stays within its rate limit.
      for (const item of due) await deliver(item.case, item.attempt).catch((error: unknown) => logger.error(`cases: ${String(error)}`));
      attempts += due.length;
      if (due.length < PER_POLL || closed) return attempts;
    }
  };

  const poll = (): Promise<number> => (running ??= pollOnce().finally(() => (running = undefined)));
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => {
      poll()
        .catch((error: unknown) => logger.warn(`cases: could not read the cases to announce: ${error instanceof Error ? error.message : String(error)}`))
        .finally(schedule);
    }, intervalMs);
    // Polling alone keeps no process alive.
    timer.unref();
  };
  schedule();

  return {
    poll,
    async close() {
      closed = true;
      clearTimeout(timer);
      stopping.abort();
      await running?.catch(() => {});
    },
  };
}

/** Why a call failed, in a line: fetch says only "fetch failed" and keeps the reason (refused, no such host) in its cause. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return reason ? `${error.message}: ${reason}` : error.message;
}

// AbortSignal.any arrived in Node 20.3; on older 20.x a stop waits for the call's own timeout instead.
const callSignal = (timeoutMs: number, stop: AbortSignal): AbortSignal =>
  typeof AbortSignal.any === 'function' ? AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]) : AbortSignal.timeout(timeoutMs);
