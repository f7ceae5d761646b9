import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { etagOf } from '../http/etag.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The media type of a file name, by extension. */
export function contentTypeOf(name: string): string {
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** A file read into memory with its validators and, for text, precompressed variants. */
export interface CachedFile {
  body: Uint8Array;
  gzip?: Uint8Array;
  br?: Uint8Array;
  etag: string;
  type: string;
}

/**
 * Reads files on demand and keeps them until they change on disk (checked by size and mtime on every
 * request, so a rebuilt widget is served at once without a restart).
 */
export class FileCache {
  #files = new Map<string, { mtimeMs: number; size: number; file: CachedFile }>();

  /** The file at an absolute path, or undefined when it is missing or not a regular file. */
  async get(path: string): Promise<CachedFile | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch {
      this.#files.delete(path);
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const hit = this.#files.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.file;
    const body = await readFile(path);
    const type = contentTypeOf(path);
    const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type) && body.length > 512;
    const file: CachedFile = {
      body,
      etag: etagOf(body),
      type,
      ...(compressible ? { gzip: gzipSync(body, { level: 9 }), br: brotliCompressSync(body) } : {}),
    };
    this.#files.set(path, { mtimeMs: info.mtimeMs, size: info.size, file });
    return file;
  }
}

/** Picks the smallest encoding the client accepts: `br`, then `gzip`, then none. */
export function encodingFor(file: CachedFile, acceptEncoding: string | undefined): { body: Uint8Array; encoding?: 'br' | 'gzip' } {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  const accepts = (name: string) => new RegExp(`(^|[\\s,])${name}(?!;q=0(\\.0*)?(,|$))`).test(accepted);
  if (file.br && accepts('br')) return { body: file.br, encoding: 'br' };
  if (file.gzip && accepts('gzip')) return { body: file.gzip, encoding: 'gzip' };
  return { body: file.body };
}
