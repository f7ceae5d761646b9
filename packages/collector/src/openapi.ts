import type { z } from 'zod';
import { CaseUpdate, Comparison, FollowUpCase, ResponseBatch, Summary, SurveyResponse } from '@koe/core';
import { ADMIN_FAILURES_PER_MINUTE } from './http/auth.js';
import { ErrorBody, listedSurvey, publicSurvey, schema, SiteListing, storedAnswer, SummaryWithPrevious, type JsonSchema } from './openapi-components.js';
import { BreakdownQuery, CommentQuery, ExportQuery, SummaryQuery, TrendQuery } from './reports/query.js';
import { CaseQuery } from './routes/cases.js';

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const error = (description: string) => ({ description, ...json('Error') });
const queryParameters = (type: z.ZodObject) => {
  const { properties = {}, required = [] } = schema(type) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.includes(name), schema: property }));
};
const admin = { security: [{ admin: [] }] };
// On the routes that change data: the viewer token (KOE_VIEWER_TOKEN) may only read.
const readOnly = { 403: error('A read-only viewer token on a route that changes data (`forbidden`)') };
// Parameters named by the caller (`context.agentId`) have no OpenAPI form: said in words on each route.
const contextFilter = {
  description:
    "Also takes `context.<key>=<value>` parameters (up to 5, e.g. `context.agentId=aiko`): only answers whose context holds every pair. Such reports read the answers themselves rather than the kept counts.",
};
const adminErrors = { 400: error('A query parameter is invalid; `issues` names it'), 401: error('Missing or wrong admin token (`unauthorized`), or no admin token set on the collector (`admin_disabled`)'),
  429: { ...error(`${ADMIN_FAILURES_PER_MINUTE} wrong admin tokens from this address this minute; see Retry-After`), headers: { 'Retry-After': { schema: { type: 'integer' } } } } };

/** The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas that validate requests. */
export function openApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'koe collector',
      version,
      description: 'Collects NPS, CSAT and CES answers from the koe widget and chat backends, and reports scores with confidence intervals.',
    },
    components: {
      securitySchemes: {
        admin: { type: 'http', scheme: 'bearer', description: 'KOE_ADMIN_TOKEN' },
        siteSecret: { type: 'http', scheme: 'bearer', description: 'A site\'s `secret`, for server-to-server posts without Origin' },
      },
      schemas: {
        SurveyResponse: schema(SurveyResponse),
        ResponseBatch: schema(ResponseBatch),
        Survey: publicSurvey(),
        ListedSurvey: listedSurvey(),
        SiteListing,
        StoredAnswer: storedAnswer(),
        FollowUpCase: schema(FollowUpCase, 'output'),
        CaseUpdate: { ...schema(CaseUpdate), minProperties: 1, description: 'At least one of status, assignee, note' },
        Summary: schema(Summary, 'output'),
        Comparison: schema(Comparison, 'output'),
        Error: schema(ErrorBody, 'output'),
      },
    },
    paths: {
      '/health': {
        get: {
          summary: 'Liveness',
          responses: {
            200: {
              description: 'Serving',
              content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' }, sites: { type: 'integer' }, uptimeSeconds: { type: 'integer' } } } } },
            },
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
      '/v1/sites/{site}/surveys': {
        get: {
          summary: "A site's surveys, for the widget (CORS for the site's origins, ETag)",
          parameters: [{ name: 'site', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'The surveys', headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'object', properties: { surveys: { type: 'array', items: { $ref: '#/components/schemas/Survey' } } } } } } },
            304: { description: 'Unchanged since If-None-Match' },
            404: error('Unknown site'),
          },
        },
      },
      '/v1/sites': {
        get: {
          ...admin,
          summary: 'Every configured site and its surveys, with the categories that open cases (never a webhook or a secret); takes no query parameters',
          responses: {
            200: {
              description: 'The sites in configuration order, as the collector has them now (a reloaded config shows at once)',
              content: { 'application/json': { schema: { type: 'object', properties: { sites: { type: 'array', items: { $ref: '#/components/schemas/SiteListing' } }, role: { enum: ['admin', 'viewer'], description: "the caller's token: `viewer` may only read" } }, required: ['sites', 'role'] } } },
            },
            ...adminErrors,
          },
        },
      },
      '/v1/responses': {
        post: {
          summary: 'Store one answer or a batch of up to 100 (idempotent by id); 202 once durable',
          description: 'Browsers must send an Origin listed in the site; requests without Origin need `Authorization: Bearer <site secret>`. `text/plain` bodies holding JSON are accepted (sendBeacon).',
          security: [{}, { siteSecret: [] }],
          requestBody: {
            required: true,
            content: Object.fromEntries(
              ['application/json', 'text/plain'].map((type) => [type, { schema: { oneOf: [{ $ref: '#/components/schemas/SurveyResponse' }, { $ref: '#/components/schemas/ResponseBatch' }] } }]),
            ),
          },
          responses: {
            202: { description: 'Stored durably', content: { 'application/json': { schema: { type: 'object', properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' } }, required: ['accepted', 'duplicates'] } } } },
            400: error('Invalid JSON or body; `issues` names each bad field (batch items by index)'),
            403: error('Unknown site or survey, origin not allowed, or wrong secret'),
            413: error('Body over 64 KB'),
            415: error('Content type other than application/json or text/plain'),
            429: { ...error('Rate limit exceeded; see Retry-After'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
            503: error('The store is unavailable; retry'),
          },
        },
        get: {
          ...admin,
          summary: "Export a survey's answers as NDJSON or CSV (UTF-8 with BOM), streamed",
          ...contextFilter,
          description:
            'CSV columns: id, site, survey, kind, score, category, comment, locale, channel, touchpoint, anonymous_id, user_id, context (JSON), answered_at, received_at; ' +
            'with `tz`, then answered_at_local and received_at_local (`YYYY-MM-DD HH:mm:ss` in that zone, which spreadsheets read as date-times); ' +
            'with `context`, then one `context.<key>` column per key (empty where an answer lacks it). New columns only ever come after these, so readers by position keep working. ' +
            'NDJSON lines are the stored answers, whatever `tz` says; `context` is refused with it.',
          parameters: queryParameters(ExportQuery),
          responses: { 200: { description: 'The answers', content: { 'application/x-ndjson': {}, 'text/csv': {} } }, ...adminErrors },
        },
      },
      '/v1/reports/summary': {
        get: {
          ...admin,
          summary: 'Score, interval and counts over a period, with the previous same-length period and a significance test',
          ...contextFilter,
          parameters: queryParameters(SummaryQuery),
          responses: { 200: { description: 'The summary', content: { 'application/json': { schema: SummaryWithPrevious } } }, ...adminErrors },
        },
      },
      '/v1/reports/trend': {
        get: {
          ...admin,
          summary: 'Summaries per day, week or month in an IANA time zone',
          ...contextFilter,
          parameters: queryParameters(TrendQuery),
          responses: { 200: { description: 'One summary per period with answers', content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { period: { type: 'string', format: 'date' }, summary: { $ref: '#/components/schemas/Summary' } } } } } } }, ...adminErrors },
        },
      },
      '/v1/reports/breakdown': {
        get: {
          ...admin,
          summary: 'Summaries per channel, touchpoint, locale or context key',
          ...contextFilter,
          parameters: queryParameters(BreakdownQuery),
          responses: { 200: { description: 'One summary per value, largest groups first', headers: { 'X-Total-Count': { description: 'Groups before `limit`', schema: { type: 'integer' } } }, content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { value: { type: ['string', 'null'] }, summary: { $ref: '#/components/schemas/Summary' } } } } } } }, ...adminErrors },
        },
      },
      '/v1/respondents/{id}': {
        delete: {
          ...admin,
          summary: 'Delete every answer of an anonymous id or user id (privacy requests)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } }],
          responses: { 200: { description: 'How many answers were deleted', content: { 'application/json': { schema: { type: 'object', properties: { deleted: { type: 'integer' } } } } } }, ...adminErrors, ...readOnly },
        },
      },
      '/v1/comments': {
        get: {
          ...admin,
          summary: "What respondents wrote: a survey's answers with a comment, newest first, a page at a time; `category=detractor,passive` for the reasons behind a score",
          ...contextFilter,
          parameters: queryParameters(CommentQuery),
          responses: {
            200: {
              description: 'A page of answers with comments; `next` is the `before` of the next page (null: no more)',
              content: { 'application/json': { schema: { type: 'object', properties: { comments: { type: 'array', items: { $ref: '#/components/schemas/StoredAnswer' } }, next: { type: ['string', 'null'] } }, required: ['comments', 'next'] } } },
            },
            ...adminErrors,
          },
        },
      },
      '/v1/cases': {
        get: {
          ...admin,
          summary: "A site's follow-up cases (opened by the answers a survey's `cases` rule picks), newest first, a page at a time",
          parameters: queryParameters(CaseQuery),
          responses: {
            200: {
              description: 'A page of cases with their answers; `next` is the `before` of the next page (null: no more); `total` counts every page',
              content: { 'application/json': { schema: { type: 'object', properties: { cases: { type: 'array', items: { $ref: '#/components/schemas/FollowUpCase' } }, next: { type: ['string', 'null'] }, total: { type: 'integer', description: 'cases matching site, survey and status in all pages' } }, required: ['cases', 'next', 'total'] } } },
            },
            ...adminErrors,
          },
        },
      },
      '/v1/cases/{id}': {
        patch: {
          ...admin,
          summary: 'Close or reopen a case, assign it, or note what was done',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'the id of the answer that opened the case', schema: { type: 'string', maxLength: 200 } }],
          requestBody: { required: true, ...json('CaseUpdate') },
          responses: { 200: { description: 'The case as it now is', ...json('FollowUpCase') }, 404: error('No case with this id'), 413: error('Body over 32 KB'), 415: error('Not application/json'), ...adminErrors, ...readOnly },
        },
      },
      '/koe.js': { get: { summary: 'The widget loader for the script tag (and /koe-ui.js, locale chunks: every koe*.js the widget build emits)', responses: { 200: { description: 'JavaScript' } } } },
    },
  };
}
