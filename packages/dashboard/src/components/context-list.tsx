import { Fragment } from 'preact';

/** Props of ContextList. */
export interface ContextListProps {
  context: Readonly<Record<string, string>> | undefined;
  /** The respondent's own user id, shown first when the answer carries one. */
  userId?: string | undefined;
}

/** An answer's context (conversation, agent, team…) as a term list; nothing when it has none. */
export function ContextList({ context, userId }: ContextListProps) {
  const entries = Object.entries(context ?? {});
  if (entries.length === 0 && !userId) return null;
  return (
    <dl class="context">
      {userId ? (
        <>
          <dt>userId</dt>
          <dd>{userId}</dd>
        </>
      ) : null}
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>{String(value)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
