import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiFailure, type Api } from './api.js';
import { TEXTS, type Lang, type Texts } from './i18n/index.js';

/** What every panel needs: the API client, the language and its texts, the browser's time zone. */
export interface Dashboard {
  api: Api;
  lang: Lang;
  texts: Texts;
  timeZone: string;
  /** Whether the token may change cases (a viewer token only reads). */
  canEdit: boolean;
  /** Called with every failed call: a 401 signs the tab out. */
  onFailure(error: unknown): void;
  /** Bumped whenever a case changes here, so every count of open cases reads again. */
  caseVersion: number;
  /** Tells the page a case changed. */
  onCaseChange(): void;
}

/** The dashboard's shared state, provided by App. */
export const DashboardContext = createContext<Dashboard | undefined>(undefined);

/** The dashboard's shared state; panels are only ever rendered inside App. */
export function useDashboard(): Dashboard {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside DashboardContext');
  return value;
}

/** The line to show for a failed call, in the page's language. */
export function failureText(error: unknown, lang: Lang): string {
  const texts = TEXTS[lang];
  if (!(error instanceof ApiFailure)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return texts.unreachable;
  // The collector answers 401 both for a wrong token and when it has none at all (its reports are off).
  if (error.status === 401) return error.code === 'admin_disabled' ? texts.adminDisabled : texts.tokenRejected;
  if (error.status === 429) return texts.tooMany(error.retryAfter);
  if (error.status >= 500) return texts.serverError(error.status);
  return texts.badRequest(error.message);
}
