import { useDashboard } from '../context.js';
import { formatCount } from '../format.js';
import { useLoad } from '../use-load.js';

/** Props of OpenCases. */
export interface OpenCasesProps {
  site: string;
  survey: string;
  /** When the page was last refreshed: the count reads again with it. */
  refreshedAt: string;
}

/** The survey's open follow-up cases, all-time: where a team's backlog is, at a glance. */
export function OpenCases({ site, survey, refreshedAt }: OpenCasesProps) {
  const { api, texts, lang, onFailure, caseVersion } = useDashboard();
  // The last count stays up while the next loads: it changes by one when a case is closed, it is no new choice.
  const { data } = useLoad(
    () => api.cases({ site, survey, status: 'open', limit: 1 }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey}|${refreshedAt}|${caseVersion}`,
    { keep: true },
  );
  if (data === undefined) return null;
  return <span class={`backlog${data.total > 0 ? ' pending' : ''}`}>{texts.openCases(formatCount(data.total, lang))}</span>;
}
