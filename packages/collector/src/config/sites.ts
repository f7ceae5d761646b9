import { caseCategories, categorize, type KoeConfig, type Site, type Survey, type SurveyResponse } from '@koe/core';

/** A site with lookups the request path needs. */
export interface SiteEntry {
  site: Site;
  origins: ReadonlySet<string>;
  surveys: ReadonlyMap<string, Survey>;
  /** Whether each answer opens a follow-up case (see Store.insert); undefined when no survey of the site opens any. */
  casesOf(responses: readonly SurveyResponse[]): (boolean | null)[] | undefined;
}

/** The configuration indexed for requests: sites by key, and every origin any site allows (for preflights). */
export interface SiteIndex {
  config: KoeConfig;
  sites: ReadonlyMap<string, SiteEntry>;
  origins: ReadonlySet<string>;
}

/** How the app reads its configuration: a fixed object, or a getter that may return a newer one each time. */
export type ConfigSource = KoeConfig | (() => KoeConfig);

/** Returns a function giving the current SiteIndex, rebuilt only when the configuration object changes. */
export function siteIndexOf(source: ConfigSource): () => SiteIndex {
  const read = typeof source === 'function' ? source : () => source;
  let index: SiteIndex | undefined;
  return () => {
    const config = read();
    if (index?.config !== config) index = build(config);
    return index;
  };
}

function build(config: KoeConfig): SiteIndex {
  const sites = new Map<string, SiteEntry>();
  const origins = new Set<string>();
  for (const site of config.sites) {
    sites.set(site.key, {
      site,
      origins: new Set(site.origins),
      surveys: new Map(site.surveys.map((survey) => [survey.id, survey])),
      casesOf: caseRulesOf(site.surveys),
    });
    for (const origin of site.origins) origins.add(origin);
  }
  return { config, sites, origins };
}

/** The site's case rules as one check per request (nothing to check, and no array made, for a site without any). */
function caseRulesOf(surveys: readonly Survey[]): SiteEntry['casesOf'] {
  const rules = new Map(
    surveys.flatMap((survey) => (survey.cases ? [[survey.id, { categories: new Set(caseCategories(survey)), notify: survey.cases.webhook !== undefined }] as const] : [])),
  );
  if (rules.size === 0) return () => undefined;
  return (responses) =>
    responses.map((response) => {
      const rule = rules.get(response.survey);
      return rule?.categories.has(categorize(response.kind, response.score)) ? rule.notify : null;
    });
}
