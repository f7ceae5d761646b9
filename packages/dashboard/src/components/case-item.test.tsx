import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import type { FollowUpCase } from '@koe/core';
import type { Api } from '../api.js';
import { DashboardContext, type Dashboard } from '../context.js';
import { TEXTS } from '../i18n/index.js';
import { CaseItem } from './case-item.js';

const base: FollowUpCase = {
  id: 'c-1', site: 'shop', survey: 'nps', kind: 'nps', score: 3, category: 'detractor', answeredAt: '2026-11-30T03:00:00.000Z',
  status: 'open', assignee: null, note: null, openedAt: '2026-11-30T03:00:03.000Z', updatedAt: '2026-11-30T03:00:03.000Z',
  notification: 'none', notificationError: null,
};

it("keeps a draft when a teammate's edit arrives, and follows the fields not being edited", async () => {
  const dashboard: Dashboard = {
    api: {} as Api, lang: 'en', texts: TEXTS.en, canEdit: true, timeZone: 'UTC', caseVersion: 0, onCaseChange: () => {}, onFailure: () => {},
  };
  const root = document.createElement('div');
  const show = (item: FollowUpCase) =>
    act(() =>
      render(
        <DashboardContext.Provider value={dashboard}>
          <CaseItem item={item} onChange={() => {}} />
        </DashboardContext.Provider>,
        root,
      ),
    );
  await show(base);
  const note = root.querySelector('textarea')!;
  note.value = 'Called, no answer';
  await act(() => {
    note.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // A teammate assigned the case meanwhile; a refresh brings it.
  await show({ ...base, assignee: 'Sato', updatedAt: '2026-11-30T04:00:00.000Z' });
  expect(root.querySelector<HTMLInputElement>('.case-form input')!.value).toBe('Sato');
  expect(root.querySelector('textarea')!.value).toBe('Called, no answer');
  expect(root.querySelector('summary')!.textContent).toBe('Assignee: Sato');
  // The buttons stay focusable while a request runs (aria-disabled), never `disabled`.
  expect([...root.querySelectorAll('button')].some((b) => b.hasAttribute('disabled'))).toBe(false);
});
