import type { Hono } from 'hono';
import { openApiDocument } from '../openapi.js';
import { VERSION } from '../version.js';

/** GET /openapi.json: the API description, built once on first request. */
export function openApiRoutes(app: Hono): void {
  let body: string | undefined;
  app.get('/openapi.json', (c) => {
    body ??= JSON.stringify(openApiDocument(VERSION));
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  });
}
