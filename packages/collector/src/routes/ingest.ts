import type { Context, Hono } from 'hono';
import { ResponseBatch, SurveyResponse, parseBatchFast, parseResponseFast, toIssues, type Issue } from '@koe/core';
import type { SiteEntry } from '../config/sites.js';
import type { AppDeps } from '../deps.js';
import type { InsertResult } from '../store/store.js';
import { bearerToken, safeEqual } from '../http/auth.js';
import { clientIp, rateLimitKeyOf } from '../http/client-ip.js';
import { parseJsonBody, readText } from '../http/body.js';
import { apiResponse, jsonResponse } from '../http/json.js';
import { ApiError, invalidBody } from '../http/errors.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { throttled } from '../logger.js';

/** The largest request body POST /v1/responses accepts: 100 answers with long comments fit well below it. */
export const MAX_BODY_BYTES = 64 * 1024;

const ACCEPTED_TYPES = new Set(['application/json', 'text/plain']);

/** POST /v1/responses: one answer or a batch, answered 202 only once the store made them durable. */
export function ingestRoutes(app: Hono, deps: AppDeps): void {
  const storeFailed = throttled((message) => deps.logger.error(message), 10_000);
  // Preflights carry no body, hence no site: admit any origin some site lists; the POST itself checks the
  // origin against its own site. (Hand-written rather than hono/cors, which edits c.res around the handler
  // and makes @hono/node-server build a full web Response on the hottest route.)
  app.options('/v1/responses', (c) => {
    const origin = c.req.header('origin');
    const headers: Record<string, string> = { Vary: 'Origin, Access-Control-Request-Headers' };
    if (origin !== undefined && deps.sites().origins.has(origin)) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization',
        'Access-Control-Max-Age': '86400',
      });
    }
    return new Response(null, { status: 204, headers: { ...SECURITY_HEADERS, ...headers } });
  });

  app.post('/v1/responses', async (c) => {
    const origin = c.req.header('origin');
    // Plain header objects all the way: @hono/node-server writes them without building a Headers instance.
    // Error answers carry the CORS headers too: the widget must read a 4xx or 429 to stop or to wait.
    const headers: Record<string, string> =
      origin !== undefined && deps.sites().origins.has(origin) ? { Vary: 'Origin', 'Access-Control-Allow-Origin': origin } : { Vary: 'Origin' };
    try {
      const result = await ingest(c, deps, storeFailed);
      return apiResponse(202, result, headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const exposed: Record<string, string> = headers['Access-Control-Allow-Origin'] === undefined ? {} : { 'Access-Control-Expose-Headers': 'Retry-After' };
      return jsonResponse(error.status, error.toBody(), { ...headers, ...exposed, ...error.headers });
    }
  });
}

async function ingest(c: Context, deps: AppDeps, storeFailed: (message: string) => void): Promise<InsertResult> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  // text/plain is what sendBeacon and a preflight-free fetch send; it must hold JSON all the same.
  if (!ACCEPTED_TYPES.has(type)) {
    throw new ApiError(415, 'unsupported_media_type', type === '' ? 'Send JSON with Content-Type: application/json or text/plain' : `Send JSON as application/json or text/plain, not ${type.slice(0, 100)}`);
  }
  const body = parseJsonBody(await readText(c, MAX_BODY_BYTES));
  const entry = siteOf(body, deps);
  if (entry) {
    admitRate(c, entry, deps);
    authorize(c, entry, deps);
  }
  const responses = validate(body);
  // validate() succeeding means every item names a site, so a missing entry here is impossible; keep TS sure.
  if (!entry) throw new ApiError(403, 'forbidden', 'Unknown site');
  checkSurveys(responses, entry, 'responses' in (body as object));
  try {
    const result = await deps.store.insert(responses, deps.now(), entry.casesOf(responses));
    return { accepted: result.accepted, duplicates: result.duplicates };
  } catch (error) {
    storeFailed(`store: insert failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new ApiError(503, 'unavailable', 'The answers could not be stored; retry later', undefined, { 'Retry-After': '5' });
  }
}

/** The site the body names (first item of a batch); 403 when it names one the config does not know. */
function siteOf(body: unknown, deps: AppDeps): SiteEntry | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const isBatch = Array.isArray((body as { responses?: unknown }).responses);
  const first = isBatch ? (body as { responses: unknown[] }).responses[0] : body;
  const key = typeof first === 'object' && first !== null ? (first as { site?: unknown }).site : undefined;
  if (typeof key !== 'string') return undefined;
  const entry = deps.sites().sites.get(key);
  if (!entry) throw new ApiError(403, 'forbidden', `Unknown site "${key.slice(0, 64)}"`, [
      { path: isBatch ? 'responses.0.site' : 'site', message: 'no site with this key in the configuration' },
    ]);
  return entry;
}

function admitRate(c: Context, entry: SiteEntry, deps: AppDeps): void {
  const limit = entry.site.rateLimit?.perMinute ?? deps.defaultRateLimit;
  const decision = deps.limiter.hit(`${rateLimitKeyOf(clientIp(c, deps.trustedProxies))}\u0000${entry.site.key}`, limit);
  if (!decision.allowed) {
    throw new ApiError(429, 'rate_limited', `More than ${limit} requests per minute from this address for this site`, undefined, {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }
}

/**
 * A browser must come from one of the site's origins, whatever token it carries (a page's own code may add
 * one, and a secret must not let another site's page in); a server without Origin must show the site's secret.
 */
function authorize(c: Context, entry: SiteEntry, deps: AppDeps): void {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (entry.origins.has(origin)) return;
    deps.refusedOrigin(entry.site.key, origin);
    throw new ApiError(403, 'forbidden', `Origin ${origin.slice(0, 200)} is not allowed for site "${entry.site.key}"; add it to the site's origins`);
  }
  const secret = entry.site.secret;
  const token = bearerToken(c.req.header('authorization'));
  if (secret !== undefined && token !== undefined && safeEqual(token, secret)) return;
  if (token !== undefined) throw new ApiError(403, 'forbidden', `Wrong secret for site "${entry.site.key}"`);
  throw new ApiError(
    403,
    'forbidden',
    secret === undefined
      ? `Requests without an Origin need Authorization: Bearer <site secret>, and site "${entry.site.key}" has no secret configured`
      : `Requests without an Origin need Authorization: Bearer <site secret>`,
  );
}

function validate(body: unknown): SurveyResponse[] {
  const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'responses' in body;
  // Core's straight-line check first (the same verdicts and output, a fraction of zod's CPU in the
  // server); the schema itself for anything it is unsure of, and for the issues of a bad body.
  const fast = isBatch ? parseBatchFast(body)?.responses : parseResponseFast(body);
  const responses = fast === undefined ? parsed(body, isBatch) : Array.isArray(fast) ? fast : [fast];
  const site = responses[0]!.site;
  const issues: Issue[] = [];
  responses.forEach((response, i) => {
    if (response.site !== site) issues.push({ path: `responses.${i}.site`, message: `all answers of a batch must belong to one site ("${site}")` });
  });
  if (issues.length > 0) throw invalidBody(issues);
  return responses;
}

function parsed(body: unknown, isBatch: boolean): SurveyResponse[] {
  const result = isBatch ? ResponseBatch.safeParse(body) : SurveyResponse.safeParse(body);
  if (!result.success) throw invalidBody(toIssues(result.error));
  return isBatch ? (result.data as ResponseBatch).responses : [result.data as SurveyResponse];
}

function checkSurveys(responses: SurveyResponse[], entry: SiteEntry, isBatch: boolean): void {
  const at = (i: number, field: string) => (isBatch ? `responses.${i}.${field}` : field);
  const unknown: Issue[] = [];
  const wrongKind: Issue[] = [];
  responses.forEach((response, i) => {
    const survey = entry.surveys.get(response.survey);
    if (!survey) unknown.push({ path: at(i, 'survey'), message: `site "${entry.site.key}" has no survey "${response.survey}"` });
    else if (survey.kind !== response.kind) wrongKind.push({ path: at(i, 'kind'), message: `survey "${survey.id}" is ${survey.kind}, not ${response.kind}` });
  });
  if (unknown.length > 0) throw new ApiError(403, 'forbidden', unknown[0]!.message, unknown);
  if (wrongKind.length > 0) throw invalidBody(wrongKind);
}
