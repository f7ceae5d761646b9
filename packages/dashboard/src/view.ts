import { isContextKey } from './context-key.js';
import { PERIODS } from './period.js';
import type { ContextFilter } from './scope.js';

/** What the page shows: kept in the URL's fragment, so a reload or a link to a teammate opens the same view. */
export interface View {
  site?: string;
  survey?: string;
  days?: number;
  /** One context pair the reports are narrowed to (`context.agentId=aiko` in the fragment, as in the API). */
  filter?: ContextFilter;
}

/** The view a fragment names (`#site=demo&survey=website-nps&days=90`); unknown or bad parts are ignored. */
export function readView(hash: string): View {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const days = Number(params.get('days'));
  const filter = [...params].find(([name, value]) => name.startsWith('context.') && isContextKey(name.slice(8)) && value !== '' && [...value].length <= 200);
  return {
    ...(params.get('site') ? { site: params.get('site')! } : {}),
    ...(params.get('survey') ? { survey: params.get('survey')! } : {}),
    ...((PERIODS as readonly number[]).includes(days) ? { days } : {}),
    ...(filter ? { filter: { key: filter[0].slice(8), value: filter[1] } } : {}),
  };
}

/** The fragment of a view. */
export function viewHash(view: View): string {
  const params = new URLSearchParams();
  if (view.site) params.set('site', view.site);
  if (view.survey) params.set('survey', view.survey);
  if (view.days) params.set('days', String(view.days));
  if (view.filter) params.set(`context.${view.filter.key}`, view.filter.value);
  return `#${params}`;
}
