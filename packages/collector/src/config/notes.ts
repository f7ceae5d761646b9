import { translationGaps, type KoeConfig } from '@koe/core';

/**
 * What an operator should hear about a valid configuration: texts of a survey missing a language its
 * other texts have (visitors in that language get koe's default wording there, never another language's).
 */
export function configNotes(config: KoeConfig): string[] {
  return config.sites.flatMap((site) =>
    site.surveys.flatMap((survey) =>
      translationGaps(survey).map(
        ({ path, lang }) =>
          `config: site "${site.key}", survey "${survey.id}": ${path} has no "${lang}" text while its other texts have one; "${lang}" visitors see koe's default wording there`,
      ),
    ),
  );
}
