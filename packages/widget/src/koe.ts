import { resolveLocale } from '@koe/core/browser';
import type { AnswerContext, Presentation } from './answering.js';
import { createEmitter } from './emitter.js';
import { watchNavigation } from './navigation.js';
import type { AnswerModule, KoeOptions } from './options.js';
import type { Outbox } from './outbox.js';
import { safeStorage } from './storage.js';
import { loadSurveys } from './surveys.js';
import { eligible } from './throttle.js';
import type { ErrorEvent, Koe, KoeContext, WireSurvey } from './types.js';
import type { UiHandle } from './ui/contract.js';
import { matchesPath } from './url-pattern.js';
import { uuid } from './uuid.js';
import { createVisitor } from './visitor.js';

/** The runtime's options: the chunk loaders are required here, each entry point supplies its own. */
export type RuntimeOptions = KoeOptions & Required<Pick<KoeOptions, 'loadUi' | 'loadLocale' | 'loadAnswer'>>;

/** The instance plus what the script-tag loader needs: a way to report a bad call as an `error` event. */
export type Runtime = Koe & { fail(code: ErrorEvent['code'], error: unknown): void };

/**
 * Creates the widget runtime shared by the script tag and the npm package. It holds what every page needs
 * (surveys, triggers, throttling); the outbox (IndexedDB) and answering load with the first survey to show,
 * or at once when the outbox holds answers left by an earlier page.
 */
export function createRuntime(o: RuntimeOptions): Runtime {
  const win = o.window ?? window;
  const { document: doc, navigator: nav, location } = win;
  const { site, loadUi, loadLocale } = o;
  const now = o.now ?? Date.now;
  const cooldown = o.cooldownDays ?? 7;
  const endpoint = o.endpoint.replace(/\/+$/, '');
  const fetcher = o.fetch ?? win.fetch.bind(win);
  const storage = safeStorage(() => o.storage ?? win.localStorage);
  const { on, off, emit } = createEmitter();
  // Errors of UI loads that failed in `mount`, reported as `ui`: the guard sees each again as that mount's
  // rejection and takes it off rather than report it twice. One entry per failed mount, not a set: concurrent
  // mounts may fail with one shared error (a bundler's cached chunk promise), or each with its own.
  const reported: unknown[] = [];
  const fail = (code: ErrorEvent['code'], error: unknown) => emit('error', { code, message: String((error as Error)?.message ?? error) });
  const visitor = createVisitor(storage, site);
  const visible = new Map<UiHandle, WireSurvey>();
  // The survey mounted in each element: mounting into it again (React strict mode runs an effect twice,
  // before the first mount has resolved for the cleanup to close it) replaces it rather than adding a card.
  const mounted = new WeakMap<Element, UiHandle>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let chosen: string | undefined;
  let floating = false;
  let destroyed = false;
  let outbox: Outbox | undefined;
  let answers: Promise<[AnswerContext, AnswerModule]> | undefined;

  // Anything but a non-empty string (`locale(42)`) is passed over.
  const locale = () => resolveLocale([chosen, o.locale, doc.documentElement.lang, ...(nav.languages ?? [])].filter((t): t is string => typeof t == 'string' && !!t));
  const answerChunk = () =>
    (answers ??= o.loadAnswer().then(
      (m) => {
        const context = m.start({ ...o, endpoint, visitor, emit, now, fetch: fetcher, storage, navigator: nav, locale, uuid });
        outbox = context.outbox;
        // destroy() came while this chunk loaded: a flush already asked for still goes, but nothing retries.
        if (destroyed) outbox.dispose();
        return [context, m];
      },
      (error: unknown) => {
        // Offline, say: let the next attempt load it again.
        answers = undefined;
        throw error;
      },
    ));
  const flush = () => answerChunk().then(() => outbox!.flush(true));
  // On a page load and each time the browser comes back online: the surveys load (again: they may have
  // failed offline; once per reconnection, so a page that cannot reach the collector never fetches in a
  // loop), and answers the outbox holds go out. An empty outbox costs nothing: its flag (set by the outbox)
  // saves every other page from opening IndexedDB or loading the outbox.
  const refresh = () => {
    surveys = load();
    storage.getItem(`koe:${site}:outbox`) && flush().catch(() => {});
  };

  const load = () =>
    loadSurveys({ endpoint, site, fetch: fetcher, storage }).catch((error: unknown) => {
      fail('config', error);
      return [] as WireSurvey[];
    });
  let surveys: Promise<WireSurvey[]>;
  const find = async (id: string) => {
    const survey = (await surveys).find((s) => s.id == id);
    if (!survey) throw new Error(`koe: site "${site}" has no survey "${id}"`);
    return survey;
  };
  const mayShow = (survey: WireSurvey) => eligible(survey, visitor.read(), now(), cooldown);

  const present = async (survey: WireSurvey, p: Presentation): Promise<UiHandle | undefined> => {
    const inline = !!p.target;
    if (destroyed || (!inline && (floating || !(p.force || mayShow(survey))))) return;
    floating ||= !inline;
    try {
      const [ui, lang, [context, m]] = await Promise.all([loadUi(), loadLocale(locale()), answerChunk()]);
      // destroy() came while the chunks loaded, or the element is not in the page, where nobody would see the
      // survey: draw nothing and count no showing (an inline mount then rejects). Checked only now, so a chat
      // may append the element right after calling mount.
      if (destroyed || (inline && !p.target!.isConnected)) return;
      visitor.update((s) => {
        s.s[survey.id] = now();
        if (!inline) s.l = now();
      });
      const handle = m.render(context, ui, lang, survey, p, (closed) => {
        visible.delete(closed);
        floating &&= inline;
      });
      visible.set(handle, survey);
      emit('shown', { survey: survey.id, kind: survey.kind, mode: inline ? 'inline' : 'floating' });
      return handle;
    } catch (error) {
      floating &&= inline;
      fail('ui', error);
      if (inline) throw (reported.push(error), error);
    }
  };

  /** Shows the first eligible survey, after its delay unless the visitor navigated away meanwhile. */
  const schedule = (candidates: WireSurvey[], context?: KoeContext) => {
    const survey = candidates.find(mayShow);
    const path = location.pathname;
    if (!survey) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (location.pathname == path) present(survey, { context });
    }, (survey.trigger?.delaySeconds ?? 0) * 1000);
    timers.add(timer);
  };
  const pageview = () =>
    surveys.then((list) => schedule(list.filter((s) => s.trigger?.on == 'pageview' && matchesPath(s.trigger.url, location.pathname)))).catch((e: unknown) => fail('config', e));

  const onPagehide = (event: PageTransitionEvent) => outbox?.pagehide(event.persisted);
  refresh();
  win.addEventListener('online', refresh);
  win.addEventListener('pagehide', onPagehide);
  const unwatch =
    o.pageviews === false
      ? () => {}
      : (pageview(),
        watchNavigation(win, () => {
          timers.forEach(clearTimeout);
          timers.clear();
          pageview();
        }));

  return guard<Runtime>(
    {
      fail,
      identify(userId, traits) {
        visitor.update((s) => {
          // identify(null) after a sign-out forgets the user rather than storing "null".
          s.u = userId ? String(userId).slice(0, 200) : undefined;
          s.t = traits;
        });
      },
      track(event, context) {
        return void surveys.then((list) => schedule(list.filter((s) => s.trigger?.on == 'event' && s.trigger.event == event), context)).catch((e: unknown) => fail('api', e));
      },
      show(id, options) {
        find(id)
          .then((survey) => present(survey, options ?? {}))
          .catch((error: unknown) => fail('api', error));
      },
      async locale(tag) {
        chosen = tag;
        // Nothing shown: the next survey loads its locale, and a page without one loads nothing.
        if (!visible.size) return;
        const resolved = locale();
        const [lang, [, m]] = await Promise.all([loadLocale(resolved), answerChunk()]);
        for (const [handle, survey] of visible) handle.setLocale(m.localizeSurvey(survey, resolved, lang.default), lang.default);
      },
      on,
      off,
      reset() {
        visitor.update((s) => {
          s.a = uuid();
          delete s.u;
          delete s.t;
        });
      },
      async mount(id, target, options) {
        // Without an element (a querySelector that found nothing) it would float instead: refuse.
        if (!(target as Node | null)?.nodeType) throw TypeError('koe: mount needs an element');
        const handle = await present(await find(id), { ...options, target });
        // Inline, present draws nothing only on a destroyed instance or a detached element (a failure rejects).
        if (!handle) throw Error(destroyed ? 'koe: destroyed' : 'koe: mount needs an element in the document');
        mounted.get(target)?.close();
        mounted.set(target, handle);
        return { close: handle.close };
      },
      async headless(id, p) {
        const survey = await find(id);
        const [lang, [context, m]] = await Promise.all([loadLocale(locale()), answerChunk()]);
        return m.headless(context, lang, survey, p ?? {});
      },
      flush,
      destroy() {
        destroyed = true;
        unwatch();
        timers.forEach(clearTimeout);
        win.removeEventListener('online', refresh);
        win.removeEventListener('pagehide', onPagehide);
        visible.forEach((_, handle) => handle.close());
        outbox?.dispose();
      },
    },
    // indexOf is -1 for an error not reported yet: `>>> 0` makes it an index past the end, where splice takes nothing.
    (error) => reported.splice(reported.indexOf(error) >>> 0, 1).length || fail('api', error),
  );
}

/** Wraps every method so nothing throws into the page: errors go to `report` (promises still reject to their caller). */
export function guard<T extends object>(api: T, report: (error: unknown) => void): T {
  for (const [key, fn] of Object.entries(api)) {
    (api as Record<string, unknown>)[key] = (...args: unknown[]) => {
      try {
        const result = fn(...args);
        result?.catch?.(report);
        return result;
      } catch (error) {
        report(error);
      }
    };
  }
  return api;
}
