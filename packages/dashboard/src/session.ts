import { pickLang, type Lang } from './i18n/index.js';

// The token opens every report and case: it lives in sessionStorage, so it ends with the tab and never
// reaches another tab, while the language (harmless) is remembered across visits.
const TOKEN_KEY = 'koe-dashboard-token';
const LANG_KEY = 'koe-dashboard-lang';

/** The token this tab signed in with, if any. */
export function loadToken(storage: Storage | null = safeStorage('sessionStorage')): string | undefined {
  return storage?.getItem(TOKEN_KEY) ?? undefined;
}

/** Keeps (or, with undefined, forgets) this tab's token. */
export function saveToken(token: string | undefined, storage: Storage | null = safeStorage('sessionStorage')): void {
  try {
    if (token === undefined) storage?.removeItem(TOKEN_KEY);
    else storage?.setItem(TOKEN_KEY, token);
  } catch {
    // A full or refused storage: the tab stays signed in until it reloads.
  }
}

/** The language chosen before, else the browser's first one the dashboard speaks. */
export function loadLang(preferred: readonly string[], storage: Storage | null = safeStorage('localStorage')): Lang {
  const saved = storage?.getItem(LANG_KEY);
  return saved === 'en' || saved === 'ja' ? saved : pickLang(preferred);
}

/** Remembers the chosen language. */
export function saveLang(lang: Lang, storage: Storage | null = safeStorage('localStorage')): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // Not remembered: the next visit follows the browser's languages again.
  }
}

/** A Web Storage area, or null where the browser refuses it (storage disabled, sandboxed frames). */
function safeStorage(name: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null;
  }
}
