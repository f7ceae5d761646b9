import { PERIODS } from './period.js';

/** What the page shows: kept in the URL's fragment, so a reload or a link to a teammate opens the same view. */
export interface View {
  site?: string;
  survey?: string;
  days?: number;
}

/** The view a fragment names (`#site=demo&survey=website-nps&days=90`); unknown or bad parts are ignored. */
export function readView(hash: string): View {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const days = Number(params.get('days'));
  return {
    ...(params.get('site') ? { site: params.get('site')! } : {}),
    ...(params.get('survey') ? { survey: params.get('survey')! } : {}),
    ...((PERIODS as readonly number[]).includes(days) ? { days } : {}),
  };
}

/** The fragment of a view. */
export function viewHash(view: View): string {
  const params = new URLSearchParams();
  if (view.site) params.set('site', view.site);
  if (view.survey) params.set('survey', view.survey);
  if (view.days) params.set('days', String(view.days));
  return `#${params}`;
}
