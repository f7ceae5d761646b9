import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '@koe/core';

/** Machine-readable error codes of the HTTP API. */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_body'
  | 'invalid_query'
  | 'unauthorized'
  | 'admin_disabled'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** The body of every error answer: `{ error: { code, message, issues? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: Issue[] };
}

/** An error a handler throws to answer with a given status and JSON body; never carries a stack to the client. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The JSON body of this error. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** Answers `c` with an error body and status. */
export function errorResponse(c: Context, error: ApiError): Response {
  if (error.headers) for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status);
}

/** A 400 listing each bad field of a request body. */
export const invalidBody = (issues: Issue[]): ApiError =>
  new ApiError(400, 'invalid_body', `The request body is invalid: ${describe(issues)}`, issues);

/** A 400 listing each bad query parameter. */
export const invalidQuery = (issues: Issue[]): ApiError =>
  new ApiError(400, 'invalid_query', `Invalid query parameters: ${describe(issues)}`, issues);

function describe(issues: Issue[]): string {
  const first = issues[0];
  if (!first) return 'unknown problem';
  const head = `${first.path || '(root)'}: ${first.message}`;
  return issues.length > 1 ? `${head} (and ${issues.length - 1} more)` : head;
}
