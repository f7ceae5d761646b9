/** One context pair the page is narrowed to (`agentId` = `aiko`): one agent's, one team's answers. */
export interface ContextFilter {
  key: string;
  value: string;
}

/** What every report of the page covers: the period's instants and, optionally, one context pair. */
export interface Scope {
  from: string;
  to: string;
  /** Sent as `context.<key>=<value>`: only answers whose context holds it. */
  context?: Readonly<Record<string, string>>;
}

/** The scope of a period narrowed by a filter (none: every answer of the period). */
export function scopeOf(range: { from: string; to: string }, filter: ContextFilter | undefined): Scope {
  return filter ? { ...range, context: { [filter.key]: filter.value } } : range;
}

/** A text naming the scope, for keys of loads: another period or another filter is another load. */
export function scopeKey(scope: Scope): string {
  return `${scope.from}|${scope.to}|${JSON.stringify(scope.context ?? {})}`;
}
