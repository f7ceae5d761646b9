import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { createApi } from '../api.js';
import { DashboardContext, type Dashboard } from '../context.js';
import { TEXTS } from '../i18n/index.js';
import { DownloadButton } from './download-button.js';

afterEach(() => {
  vi.restoreAllMocks();
});

it("asks for the CSV in the browser's time zone, so the file has local-time columns, and names it by local dates", async () => {
  const urls: string[] = [];
  const fetch = (async (url: string) => {
    urls.push(url);
    return new Response('\ufeffid\r\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }) as unknown as typeof globalThis.fetch;
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:koe');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const dashboard: Dashboard = {
    api: createApi({ token: 't', fetch }), lang: 'en', texts: TEXTS.en, canEdit: true, timeZone: 'Asia/Tokyo', caseVersion: 0, onCaseChange: () => {}, onFailure: () => {},
  };
  const root = document.createElement('div');
  const range = { from: '2026-11-30T15:00:00.000Z', to: '2026-12-07T15:00:00.000Z' };
  await act(() =>
    render(
      <DashboardContext.Provider value={dashboard}>
        <DownloadButton site="shop" survey="nps" range={range} />
      </DashboardContext.Provider>,
      root,
    ),
  );
  await act(async () => {
    root.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(urls).toHaveLength(1);
  const url = new URL(urls[0]!, 'http://collector.example');
  expect(url.pathname).toBe('/v1/responses');
  expect(Object.fromEntries(url.searchParams)).toEqual({ site: 'shop', survey: 'nps', ...range, tz: 'Asia/Tokyo', format: 'csv' });
  expect(names).toEqual(['koe-shop-nps-2026-12-01-2026-12-08.csv']);
  render(null, root);
});
