import { KoeConfig, SurveyResponse, categorize, summarize } from '@koe/core';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite-store.js';
import type { InsertResult, Store } from '../store/store.js';
import { seedDemo } from './demo.js';
import { seededRandom } from './random.js';

// Records what seedDemo writes, skipping known ids as every Store does; the reports are the stores' own
// concern (their conformance suite), here only the generated answers matter.
class RecordingStore {
  readonly rows = new Map<string, SurveyResponse>();
  readonly batches: number[] = [];
  /** Answers in calls not yet settled, and the most there ever were: what the seed holds at once. */
  pending = 0;
  peak = 0;
  async insert(responses: readonly SurveyResponse[]): Promise<InsertResult> {
    this.batches.push(responses.length);
    this.pending += responses.length;
    this.peak = Math.max(this.peak, this.pending);
    await Promise.resolve();
    this.pending -= responses.length;
    let accepted = 0;
    for (const response of responses) {
      if (this.rows.has(response.id)) continue;
      this.rows.set(response.id, response);
      accepted++;
    }
    return { accepted, duplicates: responses.length - accepted };
  }
  asStore(): Store {
    return this as unknown as Store;
  }
}

const now = new Date('2026-11-23T10:00:00Z');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function seeded(responses = 2000, options: { random?: () => number; days?: number } = {}) {
  const store = new RecordingStore();
  const accepted = await seedDemo(store.asStore(), { site: 'demo', responses, now, ...options });
  return { store, accepted, rows: [...store.rows.values()] };
}

function nps(rows: SurveyResponse[]) {
  return summarize('nps', rows.filter((r) => r.survey === 'website-nps').map((r) => r.score)).score;
}

describe('seedDemo', () => {
  it('stores the requested number of valid answers for the demo surveys, in batches', async () => {
    const { store, accepted, rows } = await seeded();
    expect(accepted).toBe(2000);
    expect(rows).toHaveLength(2000);
    for (const row of rows) expect(SurveyResponse.safeParse(row).success).toBe(true);
    expect(new Set(rows.map((r) => r.survey))).toEqual(new Set(['website-nps', 'post-chat-csat', 'support-ces']));
    // Never more than one batch of 500 in the store's hands at once, however the calls split it.
    expect(store.peak).toBe(500);
    expect(store.batches.reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('spreads answers over the period, never after now', async () => {
    const { rows } = await seeded(2000, { days: 30 });
    const times = rows.map((r) => Date.parse(r.answeredAt));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 30 * 86_400_000);
    const days = new Set(rows.map((r) => r.answeredAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(29);
  });

  it('covers channels, touchpoints, both languages and agents', async () => {
    const { rows } = await seeded();
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['web', 'chat', 'app', 'email']));
    expect(new Set(rows.map((r) => r.touchpoint))).toEqual(
      new Set(['checkout', 'delivery', 'onboarding', 'account', 'support', 'returns', 'billing']),
    );
    const ja = rows.filter((r) => r.locale === 'ja').length / rows.length;
    expect(ja).toBeGreaterThan(0.5);
    expect(ja).toBeLessThan(0.7);
    const chats = rows.filter((r) => r.survey === 'post-chat-csat');
    for (const chat of chats) {
      expect(chat.context).toMatchObject({ conversationId: expect.stringMatching(/^conv_/), agentId: expect.any(String), team: expect.any(String) });
    }
    expect(new Set(chats.map((r) => r.context?.agentId)).size).toBe(8);
  });

  it('writes comments in the answer’s language for every category of every kind', async () => {
    const { rows } = await seeded(4000);
    const commented = rows.filter((r) => r.comment);
    expect(commented.length / rows.length).toBeGreaterThan(0.25);
    expect(commented.length / rows.length).toBeLessThan(0.55);
    for (const row of commented) expect(JAPANESE.test(row.comment!)).toBe(row.locale === 'ja');
    const cells = new Set(commented.map((r) => `${r.kind}/${categorize(r.kind, r.score)}/${r.locale}`));
    expect(cells.size).toBe(3 * 3 * 2);
    expect(commented.some((r) => /lorem/i.test(r.comment!))).toBe(false);
  });

  it('gives realistic scores with a gentle upward trend', async () => {
    const { rows } = await seeded(6000);
    const overall = nps(rows)!;
    expect(overall).toBeGreaterThan(5);
    expect(overall).toBeLessThan(45);
    const cut = now.getTime() - 30 * 86_400_000;
    const early = rows.filter((r) => Date.parse(r.answeredAt) < now.getTime() - 60 * 86_400_000);
    const late = rows.filter((r) => Date.parse(r.answeredAt) >= cut);
    expect(nps(late)! - nps(early)!).toBeGreaterThan(5);
    const csat = summarize('csat', rows.filter((r) => r.kind === 'csat').map((r) => r.score)).score!;
    expect(csat).toBeGreaterThan(60);
    expect(csat).toBeLessThan(90);
  });

  it('follows weekday patterns: fewer chats on Sundays than on Mondays (JST)', async () => {
    const { rows } = await seeded(6000);
    const weekday = (r: SurveyResponse) => new Date(Date.parse(r.answeredAt) + 9 * 3_600_000).getUTCDay();
    const chats = rows.filter((r) => r.survey === 'post-chat-csat');
    const sundays = chats.filter((r) => weekday(r) === 0).length;
    const mondays = chats.filter((r) => weekday(r) === 1).length;
    expect(sundays).toBeLessThan(mondays * 0.6);
  });

  it('is idempotent with the same seed and differs with another', async () => {
    const { store } = await seeded(1200);
    const again = await seedDemo(store.asStore(), { site: 'demo', responses: 1200, now: new Date('2026-12-01T00:00:00Z') });
    expect(again).toBe(0);
    expect(store.rows.size).toBe(1200);
    const other = await seedDemo(store.asStore(), { site: 'demo', responses: 100, now, random: seededRandom(7) });
    expect(other).toBe(100);
  });

  it('fills a real SQLite store that reports trends and breakdowns from the first minute, idempotently', async () => {
    const store = new SqliteStore(':memory:');
    try {
      expect(await seedDemo(store, { site: 'demo', now })).toBe(2000);
      expect(await seedDemo(store, { site: 'demo', now })).toBe(0);
      const total = (counts: Record<number, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      const surveys = ['website-nps', 'post-chat-csat', 'support-ces'];
      const counts = await Promise.all(surveys.map((survey) => store.countsByScore({ site: 'demo', survey })));
      expect(counts.map(total).reduce((a, b) => a + b, 0)).toBe(2000);
      const days = await store.countsByPeriod({ site: 'demo', survey: 'website-nps' }, { interval: 'day', timeZone: 'Asia/Tokyo' });
      expect(days.length).toBeGreaterThan(80);
      const agents = await store.countsByDimension({ site: 'demo', survey: 'post-chat-csat' }, 'context.agentId');
      expect(agents.map((a) => a.value).sort()).toEqual(['aiko', 'daniel', 'emma', 'haruto', 'kenji', 'mei', 'sofia', 'yui']);
    } finally {
      await store.close();
    }
  });

  it("opens the configuration's follow-up cases for the seeded history, none announced", async () => {
    const store = new SqliteStore(':memory:');
    try {
      const config = KoeConfig.parse({
        sites: [{ key: 'demo', name: 'Demo', surveys: [
          { id: 'website-nps', kind: 'nps', cases: { webhook: { url: 'https://hooks.example/koe' } } },
          { id: 'post-chat-csat', kind: 'csat' },
          { id: 'support-ces', kind: 'ces' },
        ] }],
      });
      await seedDemo(store, { site: 'demo', now, config });
      const cases = (await store.cases({ site: 'demo', limit: 500 })).cases;
      const detractors = (await store.countsByScore({ site: 'demo', survey: 'website-nps' }));
      const expected = Object.entries(detractors).filter(([score]) => Number(score) <= 6).reduce((sum, [, n]) => sum + n, 0);
      expect(expected).toBeGreaterThan(0);
      expect(cases.length).toBe(Math.min(expected, 500));
      expect(new Set(cases.map((c) => `${c.survey} ${c.category} ${c.notification}`))).toEqual(new Set(['website-nps detractor none']));
      // Opened as a live collector would have: seconds after each answer, newest first.
      for (const c of cases) expect(Date.parse(c.openedAt) - Date.parse(c.answeredAt)).toBe(3_000);
      expect(cases.map((c) => c.openedAt)).toEqual([...cases.map((c) => c.openedAt)].sort().reverse());
    } finally {
      await store.close();
    }
  });

  it('rejects bad options with a clear error', async () => {
    const store = new RecordingStore().asStore();
    await expect(seedDemo(store, { site: 'demo', responses: -1 })).rejects.toThrow(/responses must be an integer/);
    await expect(seedDemo(store, { site: 'demo', days: 0 })).rejects.toThrow(/days must be an integer/);
    await expect(seedDemo(store, { site: 'Not A Slug' })).rejects.toThrow();
    expect(await seedDemo(store, { site: 'demo', responses: 0 })).toBe(0);
  });
});
