import type { Context } from 'hono';
import { ApiError } from './errors.js';

/**
 * Reads the request body as UTF-8 text, refusing more than `maxBytes` with a 413. A declared
 * Content-Length is checked before reading (Node's parser holds the body to it) and read through
 * @hono/node-server's direct path; touching `c.req.raw.body` instead would build a web stream per request,
 * which costs more than the rest of the ingest path. Chunked bodies are counted as they arrive.
 */
export async function readText(c: Context, maxBytes: number, advice = 'send at most 100 answers per request'): Promise<string> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number(declared) > maxBytes) throw tooLarge(maxBytes, advice);
    return c.req.text();
  }
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes, advice);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** Parses a request body as JSON; 400 `invalid_json` with the parser's reason when it is not. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

const tooLarge = (maxBytes: number, advice: string) => new ApiError(413, 'payload_too_large', `The request body is over ${maxBytes} bytes; ${advice}`);
