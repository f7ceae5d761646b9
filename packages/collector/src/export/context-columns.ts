import { z } from 'zod';
import { MapKey } from '@koe/core';

/** Most context keys one export spreads into columns: an answer's context holds at most 20 (core's Context). */
export const MAX_CONTEXT_COLUMNS = 20;

/**
 * The export's `context` parameter: comma-separated context keys (`agentId,conversationId`), each checked by
 * core's MapKey, none twice, at most MAX_CONTEXT_COLUMNS. Every issue names the parameter itself, with the
 * key in its message: `context.1` would read as a key named "1".
 */
export const ContextColumns = z
  .string()
  .transform((list, ctx) => {
    const keys = list.split(',').map((key) => key.trim());
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message, input: list });
      return z.NEVER;
    };
    if (keys.length > MAX_CONTEXT_COLUMNS) return fail(`at most ${MAX_CONTEXT_COLUMNS} keys (a context holds no more)`);
    for (const [index, key] of keys.entries()) {
      const checked = MapKey.safeParse(key);
      if (!checked.success) return fail(`"${key}": ${checked.error.issues[0]?.message ?? 'not a context key'}`);
      if (keys.indexOf(key) !== index) return fail(`"${key}" is given twice`);
    }
    return keys;
  })
  .meta({
    description: `context keys, comma-separated, each added as a \`context.<key>\` column (CSV only; at most ${MAX_CONTEXT_COLUMNS})`,
    example: 'agentId,conversationId',
  });

/** The value of `key` in an answer's context, or undefined; only its own keys, never Object.prototype's (`toString`). */
export function contextValue(context: Record<string, string> | undefined, key: string): string | undefined {
  return context !== undefined && Object.hasOwn(context, key) ? context[key] : undefined;
}
