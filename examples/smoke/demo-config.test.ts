import { readFileSync } from 'node:fs';
import { KoeConfig, SCALES, toIssues } from '@koe/core';
import { describe, expect, it } from 'vitest';
import { SURVEY_PLANS } from '../../packages/collector/src/seed/plans.js';

const file = new URL('../demo.config.json', import.meta.url);
const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('examples/demo.config.json', () => {
  const result = KoeConfig.safeParse(raw);

  it('validates against core’s KoeConfig', () => {
    expect(result.success ? [] : toIssues(result.error)).toEqual([]);
  });

  const site = result.data!.sites.find((s) => s.key === 'demo')!;

  it('admits the local demo origins', () => {
    expect(site.origins).toEqual(expect.arrayContaining(['http://localhost:8787', 'http://127.0.0.1:8787']));
  });

  it('runs the NPS, post-chat CSAT and support CES surveys the examples and the seed use', () => {
    const surveys = Object.fromEntries(site.surveys.map((s) => [s.id, s]));
    expect(surveys['website-nps']).toMatchObject({ kind: 'nps', trigger: { on: 'event', event: 'purchase_completed' } });
    expect(surveys['post-chat-csat']).toMatchObject({ kind: 'csat', channel: 'chat' });
    expect(surveys['post-chat-csat']!.trigger).toBeUndefined();
    expect(surveys['support-ces']).toMatchObject({ kind: 'ces', trigger: { on: 'event', event: 'support_resolved' } });
    for (const plan of SURVEY_PLANS) expect(surveys[plan.survey]?.kind).toBe(plan.kind);
  });

  it('has every question and follow-up in Japanese and English', () => {
    for (const survey of site.surveys) {
      expect(Object.keys(survey.question ?? {}).sort(), survey.id).toEqual(['en', 'ja']);
      for (const { name } of SCALES[survey.kind].categories) {
        expect(Object.keys(survey.followUp?.[name] ?? {}).sort(), `${survey.id} ${name}`).toEqual(['en', 'ja']);
        expect(survey.followUp![name]!.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });
});
