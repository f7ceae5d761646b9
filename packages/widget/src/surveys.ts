import { readJson, type KeyValueStorage } from './storage.js';
import type { WireSurvey } from './types.js';

/** Where and how to load a site's surveys. */
export interface SurveysOptions {
  endpoint: string;
  site: string;
  fetch: typeof fetch;
  storage: KeyValueStorage;
}

interface Cached {
  /** ETag of the cached body; null without one. */
  e?: string | null;
  s: WireSurvey[];
}

/**
 * Loads the site's surveys: revalidates the copy cached in storage with If-None-Match (a 304 costs a few
 * bytes), and falls back to that copy when the collector is unreachable. Rejects only when there is no copy.
 */
export async function loadSurveys({ endpoint, site, fetch, storage }: SurveysOptions): Promise<WireSurvey[]> {
  const key = `koe:${site}:surveys`;
  const cached = readJson<Cached>(storage, key);
  try {
    const response = await fetch(`${endpoint}/v1/sites/${encodeURIComponent(site)}/surveys`, {
      headers: cached?.e ? { 'If-None-Match': cached.e } : {},
      credentials: 'omit',
    });
    if (response.status === 304 && cached) return cached.s;
    if (!response.ok) throw new Error(`koe: HTTP ${response.status} for surveys`);
    const body = (await response.json()) as { surveys?: unknown };
    const surveys = (body.surveys ?? []) as WireSurvey[];
    storage.setItem(key, JSON.stringify({ e: response.headers.get('ETag'), s: surveys } satisfies Cached));
    return surveys;
  } catch (error) {
    if (cached) return cached.s;
    throw error;
  }
}
