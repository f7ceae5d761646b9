import type { FollowUpCase } from '@koe/core';
import { useDashboard } from '../context.js';
import { formatAnswer, formatInstant, toneOf } from '../format.js';
import { ContextList } from './context-list.js';
import { useCaseEditor } from './use-case-editor.js';

/** Props of CaseItem. */
export interface CaseItemProps {
  item: FollowUpCase;
  onChange(updated: FollowUpCase): void;
}

/** One case: the answer that opened it (score, comment, context) and its handling (status, assignee, note). */
export function CaseItem({ item, onChange }: CaseItemProps) {
  const { texts, lang, timeZone, canEdit } = useDashboard();
  const editor = useCaseEditor(item, onChange);

  const id = `case-${item.id}`;
  return (
    <li class={`case status-${item.status}`} data-case={item.id} aria-labelledby={`${id}-title`}>
      <p class="case-head" id={`${id}-title`}>
        <span class={`badge ${toneOf(item.kind, item.category)}`}>
          {formatAnswer(item.kind, item.score)} · {texts.categories[item.category]}
        </span>{' '}
        <span class="muted">{texts.answeredAt(formatInstant(item.answeredAt, lang, timeZone))}</span>{' '}
        <span class="status">{texts.caseStatus[item.status]}</span>
      </p>
      {item.comment ? <blockquote lang={item.locale}>{item.comment}</blockquote> : null}
      <ContextList context={item.context} userId={item.respondent?.userId} />
      {item.notificationError ? <p class="warning">{texts.webhookFailed(item.notificationError)}</p> : null}
      {canEdit ? (
        <CaseActions item={item} editor={editor} id={id} />
      ) : item.assignee || item.note ? (
        // A viewer reads who has the case and what was noted, without the form to change them.
        <p class="muted">{[item.assignee ? texts.assignedTo(item.assignee) : '', item.note ?? ''].filter(Boolean).join(' · ')}</p>
      ) : null}
    </li>
  );
}

/** Close or reopen, assign and note: for a token that may change cases. */
function CaseActions({ item, editor, id }: { item: FollowUpCase; editor: ReturnType<typeof useCaseEditor>; id: string }) {
  const { texts } = useDashboard();
  return (
    <>
      <div class="actions">
        {/* aria-disabled, not disabled: a disabled button would drop keyboard focus while its request runs. */}
        <button type="button" aria-disabled={editor.busy} aria-describedby={`${id}-title`} onClick={() => editor.setStatus(item.status === 'open' ? 'closed' : 'open')}>
          {item.status === 'open' ? texts.close : texts.reopen}
        </button>
        <span role="status" class={editor.message?.error ? 'error' : 'muted'}>
          {editor.message?.text ?? ''}
        </span>
      </div>
      <details open={!!(item.assignee || item.note)}>
        <summary>{item.assignee ? texts.assignedTo(item.assignee) : texts.assignOrNote}</summary>
        <form
          class="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            editor.saveEdits();
          }}
        >
          <label>
            {texts.assignee}
            <input value={editor.assignee} maxLength={200} onInput={(e) => editor.setAssignee(e.currentTarget.value)} />
          </label>
          <label>
            {texts.note}
            <textarea value={editor.note} maxLength={5000} rows={2} onInput={(e) => editor.setNote(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="submit" aria-disabled={editor.busy}>
              {texts.save}
            </button>
          </div>
        </form>
      </details>
    </>
  );
}
