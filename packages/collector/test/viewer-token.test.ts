import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, answer, harness, type Harness } from './harness.js';

const VIEWER = 'viewer-token-0123456789';
let h: Harness;
beforeEach(async () => {
  h = harness({ viewerToken: VIEWER });
  // A detractor of a survey whose rule opens cases: one case to read, and to fail to close.
  expect((await h.post(answer({ score: 2, comment: 'Too slow', answeredAt: '2026-11-22T10:00:00.000Z' }))).status).toBe(202);
});
afterEach(async () => {
  await h.close();
});

const as = (token: string, path: string, init: RequestInit = {}) =>
  h.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

describe('a read-only viewer token', () => {
  it('reads reports, comments, the export, the sites (with its role) and the cases', async () => {
    for (const path of [
      '/v1/reports/summary?site=shop&survey=nps-web',
      '/v1/reports/trend?site=shop&survey=nps-web',
      '/v1/reports/breakdown?site=shop&survey=nps-web&by=channel',
      '/v1/comments?site=shop&survey=nps-web',
      '/v1/responses?site=shop&survey=nps-web&format=csv',
      '/v1/cases?site=shop',
    ]) {
      expect((await as(VIEWER, path)).status, path).toBe(200);
    }
    expect(((await (await as(VIEWER, '/v1/sites')).json()) as { role: string }).role).toBe('viewer');
    expect(((await (await as(ADMIN, '/v1/sites')).json()) as { role: string }).role).toBe('admin');
  });

  it('changes nothing: closing a case and deleting a respondent answer 403, and the data stays', async () => {
    const { cases } = (await (await as(VIEWER, '/v1/cases?site=shop')).json()) as { cases: { id: string }[] };
    expect(cases).toHaveLength(1);
    const patch = await as(VIEWER, `/v1/cases/${cases[0]!.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status":"closed"}' });
    expect(patch.status).toBe(403);
    expect(((await patch.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('only read') });
    expect((await as(VIEWER, '/v1/respondents/anyone', { method: 'DELETE' })).status).toBe(403);
    const after = (await (await as(ADMIN, '/v1/cases?site=shop')).json()) as { cases: { status: string }[] };
    expect(after.cases.map((c) => c.status)).toEqual(['open']);
    // Refused for its role, not as a guess: ten of them do not lock the address out.
    for (let i = 0; i < 12; i++) await as(VIEWER, '/v1/respondents/anyone', { method: 'DELETE' });
    expect((await as(ADMIN, '/v1/sites')).status).toBe(200);
  });

  it('serves alone when no admin token is set: reads work, changes say the admin API is off', async () => {
    await h.close();
    h = harness({ adminToken: undefined, viewerToken: VIEWER });
    expect((await as(VIEWER, '/v1/reports/summary?site=shop&survey=nps-web')).status).toBe(200);
    const deletion = await as(VIEWER, '/v1/respondents/anyone', { method: 'DELETE' });
    expect(deletion.status).toBe(401);
    expect(((await deletion.json()) as { error: { code: string } }).error.code).toBe('admin_disabled');
  });

  it('is no admin token: a wrong token is still a 401 counted against the address', async () => {
    const res = await as('not-the-viewer-token', '/v1/reports/summary?site=shop&survey=nps-web');
    expect(res.status).toBe(401);
  });
});
