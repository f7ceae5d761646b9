import type { Context } from 'hono';
import { ifNoneMatch } from '../http/etag.js';
import { SECURITY_HEADERS } from '../http/security-headers.js';
import { encodingFor, type CachedFile } from './files.js';

/** Answers with a cached file: 304 on a matching If-None-Match, else the best encoding the client takes. */
export function fileResponse(c: Context, file: CachedFile, headers: Readonly<Record<string, string>>): Response {
  const { body, encoding } = encodingFor(file, c.req.header('accept-encoding'));
  // A strong ETag names one representation's bytes, so each encoding gets its own (RFC 9110, 8.8.3).
  const etag = encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag;
  const common: Record<string, string> = { ...SECURITY_HEADERS, ...headers, ETag: etag, Vary: 'Accept-Encoding' };
  if (ifNoneMatch(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(c.req.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      ...common,
      'Content-Type': file.type,
      'Content-Length': String(body.byteLength),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    },
  });
}
