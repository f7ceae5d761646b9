import { useEffect, useState } from 'preact/hooks';
import { readView, viewHash } from './view.js';

/** The site, survey and period the page shows, and their setters. */
export interface ViewState {
  siteKey: string | undefined;
  selected: string | undefined;
  days: number;
  setSiteKey(key: string | undefined | ((key: string | undefined) => string | undefined)): void;
  setSelected(survey: string | undefined): void;
  setDays(days: number): void;
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
  useEffect(() => {
    const follow = () => {
      const view = readView(location.hash);
      if (view.site) setSiteKey(view.site);
      setSelected(view.survey);
      if (view.days) setDays(view.days);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return { siteKey, selected, days, setSiteKey, setSelected, setDays };
}

/** Writes what is shown into the fragment (a survey the site lacks gives way to the one shown instead). */
export function useViewFragment(site: string | undefined, survey: string | undefined, days: number): void {
  useEffect(() => {
    if (!site) return;
    const hash = viewHash({ site, ...(survey ? { survey } : {}), days });
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, [site, survey, days]);
}
