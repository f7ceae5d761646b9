import { useEffect, useState } from 'preact/hooks';
import type { ContextFilter } from './scope.js';
import { readView, viewHash } from './view.js';

/** The site, survey and period the page shows, and their setters. */
export interface ViewState {
  siteKey: string | undefined;
  selected: string | undefined;
  days: number;
  /** The context pair reports are narrowed to, if any. */
  filter: ContextFilter | undefined;
  setSiteKey(key: string | undefined | ((key: string | undefined) => string | undefined)): void;
  setSelected(survey: string | undefined): void;
  setDays(days: number): void;
  setFilter(filter: ContextFilter | undefined): void;
}

/**
 * The view, starting from the URL's fragment (a reload, or a link from a teammate) and following it when
 * it changes (a link to another view, Back).
 */
export function useView(): ViewState {
  const [initial] = useState(() => readView(typeof location === 'undefined' ? '' : location.hash));
  const [siteKey, setSiteKey] = useState<string | undefined>(initial.site);
  const [days, setDays] = useState(initial.days ?? 30);
  const [selected, setSelected] = useState<string | undefined>(initial.survey);
  const [filter, setFilter] = useState<ContextFilter | undefined>(initial.filter);
  useEffect(() => {
    const follow = () => {
      const view = readView(location.hash);
      if (view.site) setSiteKey(view.site);
      setSelected(view.survey);
      if (view.days) setDays(view.days);
      setFilter(view.filter);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return { siteKey, selected, days, filter, setSiteKey, setSelected, setDays, setFilter };
}

/** Writes what is shown into the fragment (a survey the site lacks gives way to the one shown instead). */
export function useViewFragment(site: string | undefined, survey: string | undefined, days: number, filter?: ContextFilter): void {
  useEffect(() => {
    if (!site) return;
    const hash = viewHash({ site, ...(survey ? { survey } : {}), days, ...(filter ? { filter } : {}) });
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, [site, survey, days, filter?.key, filter?.value]);
}
