/** A random version 4 UUID: `crypto.randomUUID` in secure contexts, else from `crypto.getRandomValues` (plain-http sites). */
export function uuid(): string {
  const c = crypto;
  return c.randomUUID
    ? c.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) => (+d ^ (c.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+d / 4)))).toString(16));
}

/**
 * A version 7 UUID (RFC 9562): the time `now` in ms (0 to 2⁴⁸ − 1), then 74 random bits of `v4`. Answer ids are time-ordered so
 * the collector's primary key grows at its end: a random id dirties a different index page per answer,
 * which made each durable commit about 2.5× as costly in SQLite. Only answers get one: a respondent's
 * anonymous id stays random, so it tells nothing about when it was made.
 */
export function uuidv7(now: number, v4: string): string {
  const t = now.toString(16).padStart(12, '0');
  // A fresh version 4 UUID (`v4`) already has the variant bits and 74 random bits in the right places.
  return t.slice(0, 8) + '-' + t.slice(8) + '-7' + v4.slice(15);
}
