/** A random version 4 UUID: `crypto.randomUUID` in secure contexts, else from `crypto.getRandomValues` (plain-http sites). */
export function uuid(): string {
  const c = crypto;
  return c.randomUUID
    ? c.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) => (+d ^ (c.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+d / 4)))).toString(16));
}
