import { useState } from 'preact/hooks';
import { categoriesOf, type Category, type Kind } from '@koe/core/browser';
import { useDashboard } from '../context.js';
import { formatAnswer, formatInstant, toneOf } from '../format.js';
import { usePages } from '../use-pages.js';
import { ContextList } from './context-list.js';
import { PagedList } from './paged-list.js';
import { scopeKey, type Scope } from '../scope.js';

/** Props of CommentsPanel. */
export interface CommentsPanelProps {
  site: string;
  survey: string;
  kind: Kind;
  /** The period, and the context pair reports are narrowed to. */
  range: Scope;
}

/** What respondents wrote over the period, newest first, all or one category (a detractor's reasons). */
export function CommentsPanel({ site, survey, kind, range }: CommentsPanelProps) {
  const { api, texts, lang, timeZone, onFailure } = useDashboard();
  const [category, setCategory] = useState<Category | undefined>(undefined);
  const pages = usePages(
    (before) =>
      api.comments({ site, survey, ...range, limit: 20, ...(category ? { category } : {}), ...(before ? { before } : {}) }).then(
        (page) => ({ items: page.comments, next: page.next }),
        (e: unknown) => (onFailure(e), Promise.reject(e)),
      ),
    `${site}|${survey}|${scopeKey(range)}|${category ?? ''}`,
  );
  const choices: (Category | undefined)[] = [undefined, ...categoriesOf(kind)];
  return (
    <section class="panel" aria-labelledby="koe-comments">
      <div class="panel-head">
        <h2 id="koe-comments">{texts.comments}</h2>
        <div role="group" class="segmented" aria-label={texts.segments.category}>
          {choices.map((value) => (
            <button key={value ?? 'all'} type="button" aria-pressed={category === value} onClick={() => setCategory(value)}>
              {value ? texts.categories[value] : texts.all}
            </button>
          ))}
        </div>
      </div>
      <PagedList
        pages={pages}
        empty={texts.noComments}
        listClass="comments"
        keyOf={(item) => item.id}
        render={(item) => (
          <li data-comment={item.id}>
            <p class="comment-head">
              <span class={`badge ${toneOf(item.kind, item.category)}`}>
                {formatAnswer(item.kind, item.score)} · {texts.categories[item.category]}
              </span>{' '}
              <span class="muted">{formatInstant(item.answeredAt, lang, timeZone)}</span>
              {item.touchpoint ? <span class="muted"> · {item.touchpoint}</span> : null}
            </p>
            <blockquote lang={item.locale}>{item.comment}</blockquote>
            {/* Which conversation and agent a comment is about: what a team acts on. */}
            <ContextList context={item.context} userId={item.respondent?.userId} />
          </li>
        )}
      />
    </section>
  );
}
