import { describe, expect, it } from 'vitest';
import { decodeCursor } from './cases.js';
import { CSAT, NPS, RECEIVED, SITE, answer, type OpenStores } from './test-conformance-helpers.js';

const LATER = new Date(RECEIVED.getTime() + 60_000);

/** Registers the follow-up case conformance tests: opening with answers, listing, updates, notifications, erasure. */
export function caseConformance({ create, reopen }: OpenStores): void {
  describe('follow-up cases', () => {
    it('opens a case only for a new answer the caller marks, in the same write, and lists it with its answer', async () => {
      const store = await create();
      const detractor = answer(1, { score: 2, comment: '待ち時間が長かった 😞', context: { agent: '田中' }, respondent: { anonymousId: 'anon-1' } });
      expect(await store.insert([detractor, answer(2, { score: 9 })], RECEIVED, [true, null])).toEqual({ accepted: 2, duplicates: 0 });
      // A retry of a stored answer is a duplicate: it opens nothing again, whatever it is marked.
      expect(await store.insert([detractor], LATER, [false])).toEqual({ accepted: 0, duplicates: 1 });
      const page = await store.cases({ site: SITE, limit: 10 });
      expect(page).toEqual({
        cases: [
          {
            id: detractor.id,
            site: SITE,
            survey: NPS.id,
            kind: 'nps',
            score: 2,
            category: 'detractor',
            comment: '待ち時間が長かった 😞',
            locale: 'en',
            channel: 'web',
            context: { agent: '田中' },
            respondent: { anonymousId: 'anon-1' },
            answeredAt: detractor.answeredAt,
            status: 'open',
            assignee: null,
            note: null,
            openedAt: RECEIVED.toISOString(),
            updatedAt: RECEIVED.toISOString(),
            notification: 'pending',
            notificationError: null,
          },
        ],
        next: null,
      });
    });

    it('lists newest first, filtered by survey and status, a page at a time', async () => {
      const store = await create();
      for (let i = 0; i < 5; i++) {
        await store.insert([answer(10 + i, { score: 1 })], new Date(RECEIVED.getTime() + i * 1000), [false]);
      }
      await store.insert([answer(20, { survey: CSAT.id, kind: 'csat', score: 1 })], LATER, [false]);
      const first = await store.cases({ site: SITE, survey: NPS.id, limit: 2 });
      expect(first.cases.map((c) => c.id)).toEqual([answer(14).id, answer(13).id]);
      const second = await store.cases({ site: SITE, survey: NPS.id, limit: 2, before: decodeCursor(first.next!)! });
      expect(second.cases.map((c) => c.id)).toEqual([answer(12).id, answer(11).id]);
      const third = await store.cases({ site: SITE, survey: NPS.id, limit: 2, before: decodeCursor(second.next!)! });
      expect(third).toMatchObject({ cases: [{ id: answer(10).id, notification: 'none' }], next: null });
      expect((await store.cases({ site: SITE, limit: 10 })).cases.map((c) => c.survey)).toEqual([CSAT.id, ...Array(5).fill(NPS.id)]);
      expect((await store.cases({ site: 'elsewhere', limit: 10 })).cases).toEqual([]);

      await store.updateCase(answer(12).id, { status: 'closed' }, LATER);
      expect((await store.cases({ site: SITE, survey: NPS.id, status: 'closed', limit: 10 })).cases.map((c) => c.id)).toEqual([answer(12).id]);
      expect((await store.cases({ site: SITE, survey: NPS.id, status: 'open', limit: 10 })).cases).toHaveLength(4);
      // Counts cover every page of the same filter.
      expect(await store.countCases({ site: SITE })).toBe(6);
      expect(await store.countCases({ site: SITE, survey: NPS.id })).toBe(5);
      expect(await store.countCases({ site: SITE, survey: NPS.id, status: 'open' })).toBe(4);
      expect(await store.countCases({ site: SITE, status: 'closed' })).toBe(1);
      expect(await store.countCases({ site: 'elsewhere' })).toBe(0);
    });

    it('updates only the fields given, and tells of an unknown case', async () => {
      const store = await create();
      await store.insert([answer(1, { score: 0 })], RECEIVED, [false]);
      const id = answer(1).id;
      expect(await store.updateCase(id, { assignee: '佐藤', note: 'called back' }, LATER)).toMatchObject({
        status: 'open',
        assignee: '佐藤',
        note: 'called back',
        updatedAt: LATER.toISOString(),
      });
      expect(await store.updateCase(id, { status: 'closed' }, LATER)).toMatchObject({ status: 'closed', assignee: '佐藤', note: 'called back' });
      expect(await store.updateCase(id, { assignee: null }, LATER)).toMatchObject({ status: 'closed', assignee: null, note: 'called back' });
      expect(await store.updateCase(answer(2).id, { status: 'closed' }, LATER)).toBeNull();
      // Kept across a restart.
      const again = await reopen(store);
      expect((await again.cases({ site: SITE, limit: 1 })).cases[0]).toMatchObject({ status: 'closed', note: 'called back' });
    });

    it('hands each due notification to one claimer, and records deliveries, retries and giving up', async () => {
      const store = await create();
      await store.insert([answer(1, { score: 1 }), answer(2, { score: 2 }), answer(3, { score: 3 })], RECEIVED, [true, true, false]);
      const until = new Date(RECEIVED.getTime() + 60_000);
      const [a, b] = await Promise.all([store.claimNotifications(RECEIVED, until, 1), store.claimNotifications(RECEIVED, until, 5)]);
      const claimed = [...a, ...b].map((due) => due.case.id).sort();
      expect(claimed).toEqual([answer(1).id, answer(2).id]);
      expect([...a, ...b].every((due) => due.attempt === 1)).toBe(true);
      // Held: nothing is due again before `until`.
      expect(await store.claimNotifications(RECEIVED, until, 5)).toEqual([]);

      await store.recordNotification(answer(1).id, 1, { delivered: LATER });
      await store.recordNotification(answer(2).id, 1, { error: 'HTTP 500', retryAt: new Date(RECEIVED.getTime() + 30_000) });
      const retry = await store.claimNotifications(new Date(RECEIVED.getTime() + 30_000), until, 5);
      expect(retry.map((due) => [due.case.id, due.attempt, due.case.notificationError])).toEqual([[answer(2).id, 2, 'HTTP 500']]);
      await store.recordNotification(answer(2).id, 2, { error: 'HTTP 410', retryAt: null });

      const states = Object.fromEntries((await store.cases({ site: SITE, limit: 10 })).cases.map((c) => [c.id, [c.notification, c.notificationError]]));
      expect(states).toEqual({ [answer(1).id]: ['delivered', null], [answer(2).id]: ['failed', 'HTTP 410'], [answer(3).id]: ['none', null] });
      expect(await store.claimNotifications(new Date(RECEIVED.getTime() + 86_400_000), until, 5)).toEqual([]);
    });

    it('ignores a late report from a claim that ran out once the case was claimed again', async () => {
      const store = await create();
      await store.insert([answer(1, { score: 1 })], RECEIVED, [true]);
      const [first] = await store.claimNotifications(RECEIVED, LATER, 5);
      // The first claimer's hold runs out; a second one claims and delivers.
      const [second] = await store.claimNotifications(LATER, new Date(LATER.getTime() + 60_000), 5);
      expect([first!.attempt, second!.attempt]).toEqual([1, 2]);
      await store.recordNotification(answer(1).id, 2, { delivered: LATER });
      await store.recordNotification(answer(1).id, 1, { error: 'HTTP 500', retryAt: LATER });
      expect((await store.cases({ site: SITE, limit: 1 })).cases[0]).toMatchObject({ notification: 'delivered', notificationError: null });
      expect(await store.claimNotifications(new Date(LATER.getTime() + 86_400_000), LATER, 5)).toEqual([]);
    });

    it("erases a respondent's cases with their answers", async () => {
      const store = await create();
      await store.insert(
        [answer(1, { score: 0, respondent: { anonymousId: 'gone' } }), answer(2, { score: 0, respondent: { anonymousId: 'stays' } })],
        RECEIVED,
        [true, true],
      );
      expect(await store.deleteRespondent('gone')).toBe(1);
      expect((await store.cases({ site: SITE, limit: 10 })).cases.map((c) => c.id)).toEqual([answer(2).id]);
      expect((await store.claimNotifications(RECEIVED, LATER, 10)).map((due) => due.case.id)).toEqual([answer(2).id]);
      // No case row outlived its answer (the listings join the answers, so they could not show one): the
      // same answer stored again opens its case afresh, which a leftover row's id would refuse.
      expect(await store.insert([answer(1, { score: 0, respondent: { anonymousId: 'gone' } })], LATER, [false])).toEqual({ accepted: 1, duplicates: 0 });
      expect((await store.cases({ site: SITE, limit: 10 })).cases.map((c) => [c.id, c.openedAt])).toContainEqual([answer(1).id, LATER.toISOString()]);
    });
  });
}
