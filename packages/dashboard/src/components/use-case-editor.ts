import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseStatus, CaseUpdate, FollowUpCase } from '@koe/core';
import { failureText, useDashboard } from '../context.js';

/** The form state of one case and the two ways to send it: a new status, or the edited fields. */
export interface CaseEditor {
  assignee: string;
  note: string;
  setAssignee(value: string): void;
  setNote(value: string): void;
  busy: boolean;
  message: { text: string; error: boolean } | undefined;
  setStatus(status: CaseStatus): void;
  saveEdits(): void;
}

/**
 * Edits a case. Closing sends the status alone and saving only the fields edited here, so neither
 * overwrites an assignee or note a teammate set meanwhile; when the case changes under the form (a refresh
 * brings a teammate's edit), fields not being edited follow it and a draft is kept.
 */
export function useCaseEditor(item: FollowUpCase, onChange: (updated: FollowUpCase) => void): CaseEditor {
  const { api, texts, lang, onFailure, onCaseChange } = useDashboard();
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<CaseEditor['message']>(undefined);
  const synced = useRef({ assignee: item.assignee ?? '', note: item.note ?? '' });
  useEffect(() => {
    const next = { assignee: item.assignee ?? '', note: item.note ?? '' };
    setAssignee((value) => (value === synced.current.assignee ? next.assignee : value));
    setNote((value) => (value === synced.current.note ? next.note : value));
    synced.current = next;
  }, [item.updatedAt]);

  const send = async (update: CaseUpdate) => {
    // A second press while the first is on its way does nothing (the button stays focusable meanwhile).
    if (busy) return;
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
  return {
    assignee,
    note,
    setAssignee,
    setNote,
    busy,
    message,
    setStatus: (status) => void send({ status }),
    saveEdits: () => {
      const wanted = { assignee: assignee.trim() === '' ? null : assignee.trim(), note: note === '' ? null : note };
      const update: CaseUpdate = {
        ...(wanted.assignee !== item.assignee ? { assignee: wanted.assignee } : {}),
        ...(wanted.note !== item.note ? { note: wanted.note } : {}),
      };
      if (Object.keys(update).length === 0) setMessage({ text: texts.saved, error: false });
      else void send(update);
    },
  };
}
