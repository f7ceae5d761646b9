import type { Category, Channel, Kind, LocalizedSurvey, SurveyInput } from '@koe/core';
import type { ThemeOptions } from './ui/contract.js';

/** Free-form strings sent with an answer (conversation id, agent id, team…): at most 20 keys. */
export type KoeContext = Record<string, string>;

/** What became of an answer: stored by the collector, kept on the device to retry, or refused by the collector (4xx) and dropped. */
export type Delivery = 'sent' | 'queued' | 'rejected';

/** Payload of the `shown` event. */
export interface ShownEvent {
  survey: string;
  kind: Kind;
  /** `floating` for the card, `inline` for `mount`. */
  mode: 'floating' | 'inline';
}

/** Payload of the `answered` event: the visitor's final answer, already saved in the outbox. */
export interface AnsweredEvent {
  /** The answer's client-made UUID (its idempotency key). */
  id: string;
  survey: string;
  kind: Kind;
  score: number;
  category: Category;
  comment?: string;
}

/** Payload of the `dismissed` event. */
export interface DismissedEvent {
  survey: string;
}

/** Payload of the `sent` event: the collector stored (or already had) this answer. */
export interface SentEvent {
  id: string;
  survey: string;
}

/** Payload of the `error` event; the widget never throws into the page or writes to its console. */
export interface ErrorEvent {
  /** `config`: surveys could not be loaded; `rejected`: the collector refused an answer (dropped);
   * `expired`/`overflow`: the outbox dropped an old answer; `ui`: the survey UI failed to load; `api`: a bad call. */
  code: 'config' | 'rejected' | 'expired' | 'overflow' | 'ui' | 'api';
  message: string;
  /** The answer concerned, when there is one. */
  id?: string;
  /** The HTTP status, when there is one. */
  status?: number;
}

/** Every event and its payload. */
export interface KoeEvents {
  shown: ShownEvent;
  answered: AnsweredEvent;
  dismissed: DismissedEvent;
  sent: SentEvent;
  error: ErrorEvent;
}

/** An event name. */
export type KoeEventName = keyof KoeEvents;

/** A listener of one event. */
export type KoeListener<E extends KoeEventName> = (payload: KoeEvents[E]) => void;

/** Options of `show`. */
export interface ShowOptions {
  /** Sent with the answer. */
  context?: KoeContext;
  /** Show even if throttling (recontact period, cooldown, sampling) would skip it. */
  force?: boolean;
  /** Move focus into the survey: for a survey the visitor opened themselves (a "Feedback" button). */
  focus?: boolean;
}

/** Options of `mount` and `headless`. */
export interface ChatOptions {
  /** Sent with the answer (conversation id, agent id…). */
  context?: KoeContext;
  /** The answer's channel; defaults to the survey's `channel`. */
  channel?: Channel;
  /**
   * The answer's id, a UUID (default: a new one). Give the same id each time the same conversation is
   * asked (one your backend keeps with it) and the collector stores its answer once, however often a
   * reloaded transcript shows the survey again.
   */
  id?: string;
}

/** What `mount` returns. */
export interface MountHandle {
  /** Removes the survey from the element. */
  close(): void;
}

/** What `headless` returns: the survey in the active locale and a way to answer it. */
export interface HeadlessSurvey {
  survey: LocalizedSurvey;
  /** Saves the answer in the outbox and sends it; rejects with a RangeError when the score is off the scale. */
  submit(score: number, comment?: string): Promise<Delivery>;
  /**
   * The category of a score (`promoter`, `neutral`…), which keys `survey.followUp`: the follow-up question
   * to ask after that score. Throws a RangeError when the score is off the scale.
   */
  categoryOf(score: number): Category;
}

/** The widget instance (`createKoe`) and the methods of `window.koe`. */
export interface Koe {
  /** Attaches your user id (and optional string traits, sent as context) to later answers; `null` forgets them. */
  identify(userId: string | null, traits?: KoeContext): void;
  /** Reports an event: surveys whose trigger is this event show (subject to throttling). */
  track(event: string, context?: KoeContext): void;
  /** Shows a survey now (subject to throttling unless `force`). */
  show(surveyId: string, options?: ShowOptions): void;
  /** Switches the language (`en`, `ja`, `ja-JP`…), redrawing a visible survey. */
  locale(tag: string): Promise<void>;
  /** Listens to an event. */
  on<E extends KoeEventName>(event: E, listener: KoeListener<E>): void;
  /** Stops listening. */
  off<E extends KoeEventName>(event: E, listener: KoeListener<E>): void;
  /** Forgets the user id, traits and anonymous id (call it on logout). */
  reset(): void;
  /** Renders a survey inline inside `element` (a chat transcript bubble). */
  mount(surveyId: string, element: Element, options?: ChatOptions): Promise<MountHandle>;
  /** The survey's texts in the active locale and a `submit` for your own buttons. */
  headless(surveyId: string, options?: ChatOptions): Promise<HeadlessSurvey>;
  /** Sends whatever the outbox holds now. */
  flush(): Promise<void>;
  /** Stops listening to the page (navigation, online, pagehide) and closes a visible survey. */
  destroy(): void;
}

/** A survey as the collector serves it; read defensively, as if its defaults (throttle, channel) could be missing. */
export type WireSurvey = SurveyInput;

export type { ThemeOptions };
