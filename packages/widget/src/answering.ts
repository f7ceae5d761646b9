import { categorize, localizeSurvey } from '@koe/core/browser';
import { answerOf } from './answer.js';
import type { Emitter } from './emitter.js';
import type { KoeOptions, LocaleModule, UiModule } from './options.js';
import { createOutbox, type Outbox } from './outbox.js';
import { idbOutboxStore } from './outbox-store.js';
import type { KeyValueStorage } from './storage.js';
import type { ChatOptions, Delivery, HeadlessSurvey, ShowOptions, WireSurvey } from './types.js';
import type { UiHandle } from './ui/contract.js';
import { uuidv7 } from './uuid.js';
import type { Visitor } from './visitor.js';

/** What the runtime that loads this chunk shares with it: its options, with every default resolved. */
export interface RuntimeContext extends Omit<KoeOptions, 'locale'> {
  /** The collector's base URL, without a trailing slash. */
  endpoint: string;
  visitor: Visitor;
  emit: Emitter['emit'];
  now: () => number;
  fetch: typeof fetch;
  storage: KeyValueStorage;
  navigator: Navigator;
  /** The active locale when the answer is made. */
  locale: () => string;
  /** The runtime's random UUID: dist/koe.js carries it already, so this chunk need not ship a second copy. */
  uuid: () => string;
}

/** The runtime's context plus this chunk's outbox. */
export interface AnswerContext extends RuntimeContext {
  outbox: Outbox;
}

/** Key of the flag telling a page that answers wait in the outbox (so it loads this chunk to send them). */
export const waitingKey = (site: string) => `koe:${site}:outbox`;

/** Starts the outbox: IndexedDB unless the runtime brought its own store. */
export function start(c: RuntimeContext): AnswerContext {
  const nav = c.navigator;
  const outbox = createOutbox({
    url: `${c.endpoint}/v1/responses`,
    site: c.site,
    store: c.outboxStore ?? idbOutboxStore(),
    fetch: c.fetch,
    now: c.now,
    random: c.random ?? Math.random,
    emit: c.emit,
    page: c.uuid(),
    locks: nav.locks,
    beacon: nav.sendBeacon?.bind(nav),
    mark: (waiting) => c.storage.setItem(waitingKey(c.site), waiting ? '1' : ''),
  });
  return { ...c, outbox };
}

/** How a survey is being asked. */
export type Presentation = ShowOptions & ChatOptions & { target?: Element | undefined };

/** One answer to one asking of a survey: a single id, so a held score and its final form, or a double submit, dedupe. */
function answering(c: AnswerContext, survey: WireSurvey, p: Presentation) {
  const id = p.id ?? uuidv7(c.now(), c.uuid());
  const categoryOf = (score: number) => categorize(survey.kind, score);
  const make = (score: number, comment?: string) =>
    answerOf({ id, site: c.site, survey, locale: c.locale(), channel: p.channel, context: p.context, visitor: c.visitor.read(), now: c.now() }, score, comment);
  let sent: Promise<Delivery> | undefined;
  return {
    categoryOf,
    hold: (score: number) => c.outbox.hold(make(score)),
    // Once per asking: a repeat (a chat's double click) resolves like the first and announces nothing
    // again; the collector keeps the first score of an id anyway. A score off the scale is refused first.
    async send(score: number, comment?: string) {
      const category = categoryOf(score);
      if (sent) return sent;
      c.visitor.update((s) => void (s.s[survey.id] = c.now()));
      const response = make(score, comment);
      c.emit('answered', { id, survey: survey.id, kind: survey.kind, score, category, comment: response.comment });
      return (sent = c.outbox.add(response));
    },
  };
}

/** Draws a survey with the UI chunk, wiring its callbacks to the outbox; `onClosed` runs when it is gone. */
export function render(
  c: AnswerContext,
  ui: UiModule,
  lang: LocaleModule,
  survey: WireSurvey,
  p: Presentation,
  onClosed: (handle: UiHandle) => void,
): UiHandle {
  const answer = answering(c, survey, p);
  let score: number | undefined;
  let done = false;
  const finish = (final: number, comment?: string) => ((done = true), answer.send(final, comment));
  const handle = ui.renderSurvey({
    survey: localizeSurvey(survey, c.locale(), lang.default),
    messages: lang.default,
    target: p.target,
    theme: c.theme,
    focus: p.focus,
    categoryOf: answer.categoryOf,
    onScore: (value) => void (done || answer.hold((score = value))),
    onAnswer: (a) => finish(a.score, a.comment),
    onDismiss: () => void (score === undefined && c.emit('dismissed', { survey: survey.id })),
    // A score picked before the survey went (closed by the visitor, by `close()` or `destroy()`, or replaced
    // by another mount) is an answer: it goes now, without a comment, rather than held until the page goes.
    onClosed: () => (score === undefined || done || finish(score), onClosed(handle)),
  });
  return handle;
}

/** A survey for a chat's own buttons: its texts in the active locale and a submit through the outbox. */
export function headless(c: AnswerContext, lang: LocaleModule, survey: WireSurvey, p: Presentation): HeadlessSurvey {
  const answer = answering(c, survey, p);
  return { survey: localizeSurvey(survey, c.locale(), lang.default), submit: answer.send, categoryOf: answer.categoryOf };
}
