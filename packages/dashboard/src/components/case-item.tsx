import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { FollowUpCase } from '@koe/core';
import { failureText, useDashboard } from '../context.js';
import { formatInstant, formatScore, toneOf } from '../format.js';

/** Props of CaseItem. */
export interface CaseItemProps {
  item: FollowUpCase;
  onChange(updated: FollowUpCase): void;
}

/** One case: the answer that opened it (score, comment, context) and its handling (status, assignee, note). */
export function CaseItem({ item, onChange }: CaseItemProps) {
  const { api, texts, lang, timeZone, onFailure } = useDashboard();
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);

  const save = async (status?: 'open' | 'closed') => {
    setBusy(true);
    setMessage(undefined);
    try {
      const updated = await api.updateCase(item.id, {
        ...(status ? { status } : {}),
        assignee: assignee.trim() === '' ? null : assignee.trim(),
        note: note === '' ? null : note,
      });
      onChange(updated);
      setMessage({ text: texts.saved, error: false });
    } catch (error) {
      onFailure(error);
      setMessage({ text: failureText(error, lang), error: true });
    } finally {
      setBusy(false);
    }
  };

  const context = Object.entries(item.context ?? {});
  const id = `case-${item.id}`;
  return (
    <li class={`case status-${item.status}`} data-case={item.id} aria-labelledby={`${id}-title`}>
      <p class="case-head" id={`${id}-title`}>
        <span class={`badge ${toneOf(item.kind, item.category)}`}>
          {formatScore(item.kind, item.score, lang).replace(/^\+/, '')} · {texts.categories[item.category]}
        </span>{' '}
        <span class="muted">{texts.answeredAt(formatInstant(item.answeredAt, lang, timeZone))}</span>{' '}
        <span class="status">{texts.caseStatus[item.status]}</span>
      </p>
      {item.comment ? <blockquote lang={item.locale}>{item.comment}</blockquote> : null}
      {context.length > 0 || item.respondent?.userId ? (
        <dl class="context">
          {item.respondent?.userId ? (
            <>
              <dt>userId</dt>
              <dd>{item.respondent.userId}</dd>
            </>
          ) : null}
          {context.map(([key, value]) => (
            <Fragment key={key}>
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      {item.notificationError ? <p class="warning">{texts.webhookFailed(item.notificationError)}</p> : null}
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void save(item.status === 'open' ? 'closed' : 'open')}>
          {item.status === 'open' ? texts.close : texts.reopen}
        </button>
        {message ? <span role="status" class={message.error ? 'error' : 'muted'}>{message.text}</span> : null}
      </div>
      <details open={!!(item.assignee || item.note)}>
        <summary>{item.assignee ? `${texts.assignee}: ${item.assignee}` : texts.assignOrNote}</summary>
        <form
          class="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            {texts.assignee}
            <input value={assignee} maxLength={200} onInput={(e) => setAssignee(e.currentTarget.value)} />
          </label>
          <label>
            {texts.note}
            <textarea value={note} maxLength={5000} rows={2} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {texts.save}
            </button>
          </div>
        </form>
      </details>
    </li>
  );
}
