import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CaseStatus, CaseUpdate, FollowUpCase } from '@koe/core';
import { failureText, useDashboard } from '../context.js';
import { formatAnswer, formatInstant, toneOf } from '../format.js';

/** Props of CaseItem. */
export interface CaseItemProps {
  item: FollowUpCase;
  onChange(updated: FollowUpCase): void;
}

/** One case: the answer that opened it (score, comment, context) and its handling (status, assignee, note). */
export function CaseItem({ item, onChange }: CaseItemProps) {
  const { api, texts, lang, timeZone, onFailure, onCaseChange } = useDashboard();
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  // A teammate may have changed the case since (a refresh brings it): the form shows the case as it now is.
  useEffect(() => {
    setAssignee(item.assignee ?? '');
    setNote(item.note ?? '');
  }, [item.updatedAt]);

  const send = async (update: CaseUpdate) => {
    setBusy(true);
    setMessage(undefined);
    try {
      onChange(await api.updateCase(item.id, update));
      if (update.status !== undefined) onCaseChange();
      setMessage({ text: texts.saved, error: false });
    } catch (error) {
      onFailure(error);
      setMessage({ text: failureText(error, lang), error: true });
    } finally {
      setBusy(false);
    }
  };
  // Closing sends the status alone, and saving only the fields edited here, so neither overwrites an
  // assignee or note a teammate set meanwhile.
  const setStatus = (status: CaseStatus) => send({ status });
  const saveEdits = () => {
    const wanted = { assignee: assignee.trim() === '' ? null : assignee.trim(), note: note === '' ? null : note };
    const update: CaseUpdate = {
      ...(wanted.assignee !== item.assignee ? { assignee: wanted.assignee } : {}),
      ...(wanted.note !== item.note ? { note: wanted.note } : {}),
    };
    if (Object.keys(update).length === 0) setMessage({ text: texts.saved, error: false });
    else void send(update);
  };

  const context = Object.entries(item.context ?? {});
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
        <button type="button" disabled={busy} aria-describedby={`${id}-title`} onClick={() => void setStatus(item.status === 'open' ? 'closed' : 'open')}>
          {item.status === 'open' ? texts.close : texts.reopen}
        </button>
        <span role="status" class={message?.error ? 'error' : 'muted'}>
          {message?.text ?? ''}
        </span>
      </div>
      <details open={!!(item.assignee || item.note)}>
        <summary>{item.assignee ? `${texts.assignee}: ${item.assignee}` : texts.assignOrNote}</summary>
        <form
          class="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            saveEdits();
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
