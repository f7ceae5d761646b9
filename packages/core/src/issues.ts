import type { z } from 'zod';

/** One problem with an input: where (a dotted path such as `responses.3.score`) and what. */
export interface Issue {
  path: string;
  message: string;
}

/** Turns a zod error into `{ path, message }[]`, so every consumer reports bad input alike. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // zod reports unknown keys once at their object; name each key itself, so the path points at it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: `unknown key "${key}"` }));
    }
    // A bad record key carries its reason one level down; "Invalid key in record" alone names no rule.
    if (issue.code === 'invalid_key' && issue.issues[0]) return [{ path: path.join('.'), message: `invalid key: ${issue.issues[0].message}` }];
    return [{ path: path.join('.'), message: issue.message }];
  });
}
