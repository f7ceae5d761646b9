import { describe, expect, it } from 'vitest';
import { SurveyResponse } from '@koe/core';
import { uuid, uuidv7 } from './uuid.js';

describe('ids', () => {
  it('makes random version 4 UUIDs for respondents', () => {
    const id = uuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid()).not.toBe(id);
  });

  it.each([
    [0, '00000000-0000'],
    [Date.parse('2026-11-23T10:00:00.000Z'), '01a207d9-2100'],
    [2 ** 48 - 1, 'ffffffff-ffff'],
  ])('makes version 7 UUIDs for answers whose first 48 bits are the time %i', (now, prefix) => {
    const id = uuidv7(now, uuid());
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.slice(0, 13)).toBe(prefix);
  });

  it('orders answer ids by time, so the collector appends them, and core accepts them', () => {
    const t = Date.parse('2026-11-23T10:00:00.000Z');
    const ids = [t + 1000, t, t + 1, t + 86_400_000].map((now) => uuidv7(now, uuid()));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0], ids[3]]);
    expect(uuidv7(t, uuid())).not.toBe(uuidv7(t, uuid()));
    const answer = { id: ids[0], site: 's', survey: 'nps', kind: 'nps', score: 9, locale: 'en', channel: 'web', answeredAt: new Date(t).toISOString() };
    expect(SurveyResponse.safeParse(answer).success).toBe(true);
  });
});
