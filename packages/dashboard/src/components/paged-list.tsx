import { Fragment, type ComponentChildren } from 'preact';
import { failureText, useDashboard } from '../context.js';
import type { Pages } from '../use-pages.js';

/** Props of PagedList. */
export interface PagedListProps<T> {
  pages: Pages<T>;
  /** What an empty list says; nothing when absent. */
  empty?: string;
  listClass: string;
  keyOf(item: T): string;
  /** One `<li>` per item. */
  render(item: T): ComponentChildren;
}

/** A list read a page at a time, with its error, its empty state, a loading line read out, and More. */
export function PagedList<T>({ pages, empty, listClass, keyOf, render }: PagedListProps<T>) {
  const { texts, lang } = useDashboard();
  return (
    <>
      {pages.error ? (
        <p class="error" role="alert">
          {failureText(pages.error, lang)}
        </p>
      ) : null}
      {empty && !pages.loading && !pages.error && pages.items.length === 0 ? <p class="muted">{empty}</p> : null}
      <ul class={listClass}>
        {pages.items.map((item) => (
          <Fragment key={keyOf(item)}>{render(item)}</Fragment>
        ))}
      </ul>
      <p class="muted" aria-live="polite">
        {pages.loading ? texts.loading : ''}
      </p>
      {/* Kept in place and enabled while the next page loads (a disabled button would drop keyboard focus). */}
      {pages.next ? (
        <button type="button" onClick={pages.more} aria-disabled={pages.loading}>
          {texts.more}
        </button>
      ) : null}
    </>
  );
}
