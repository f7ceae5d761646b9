import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiFailure, type Api } from './api.js';
import { TEXTS, type Lang, type Texts } from './i18n.js';

/** What every panel needs: the API client, the language and its texts, the browser's time zone. */
export interface Dashboard {
  api: Api;
  lang: Lang;
  texts: Texts;
  timeZone: string;
  /** Called with every failed call: a 401 signs the tab out. */
  onFailure(error: unknown): void;
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
  if (error instanceof ApiFailure) return error.status === 0 ? texts.unreachable : error.status === 401 ? texts.tokenRejected : error.message;
  return error instanceof Error ? error.message : String(error);
}
