import { useState } from 'preact/hooks';
import { failureText, useDashboard } from '../context.js';
import { bucketOf } from '../period.js';
import type { Scope } from '../scope.js';

/** Props of DownloadButton. */
export interface DownloadButtonProps {
  site: string;
  survey: string;
  /** The period, and the context pair reports are narrowed to. */
  range: Scope;
}

/**
 * Downloads the period's answers as the collector's CSV (UTF-8 with a BOM, so Excel in Japan opens it).
 * A plain link cannot carry the admin token, so the file is fetched and handed to the browser as a Blob.
 */
export function DownloadButton({ site, survey, range }: DownloadButtonProps) {
  const { api, texts, lang, timeZone, onFailure } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const download = async () => {
    // A second press while the file is on its way does nothing (the button stays focusable meanwhile).
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      // The browser's zone adds local-time columns, which Excel reads as date-times (the UTC ones stay).
      const blob = await api.exportCsv({ site, survey, ...range, tz: timeZone });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      // Named by the local dates the period covers, as the dashboard shows them (a Tokyo team's dates).
      const only = Object.entries(range.context ?? {}).map(([key, value]) => `-${key}-${value}`).join('');
      link.download = `koe-${site}-${survey}${only}-${bucketOf(range.from, 'day', timeZone)}-${bucketOf(range.to, 'day', timeZone)}.csv`;
      link.click();
      // The browser has started the download by the next task; the URL is no longer needed.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (e) {
      onFailure(e);
      setError(failureText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="download">
      <button type="button" onClick={() => void download()} aria-disabled={busy}>
        {busy ? texts.loading : texts.download}
      </button>
      <span role="status" class="error">
        {error ?? ''}
      </span>
    </span>
  );
}
