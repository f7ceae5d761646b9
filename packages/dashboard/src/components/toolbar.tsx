import type { SiteListing } from '../api.js';
import type { Lang, Texts } from '../i18n/index.js';
import { PERIODS } from '../period.js';

/** Props of Toolbar. */
export interface ToolbarProps {
  texts: Texts;
  sites: SiteListing[];
  site: string;
  days: number;
  lang: Lang;
  onSite(site: string): void;
  onDays(days: number): void;
  onLang(lang: Lang): void;
  onRefresh(): void;
  onSignOut(): void;
}

/** The header: which site and period the page shows, the language, and signing out. */
export function Toolbar({ texts, sites, site, days, lang, onSite, onDays, onLang, onRefresh, onSignOut }: ToolbarProps) {
  return (
    <header class="toolbar">
      <h1 id="koe-title" tabIndex={-1}>
        {texts.title}
      </h1>
      <label>
        {texts.site}
        <select value={site} onChange={(e) => onSite(e.currentTarget.value)}>
          {sites.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name} ({s.key})
            </option>
          ))}
        </select>
      </label>
      <label>
        {texts.period}
        <select value={String(days)} onChange={(e) => onDays(Number(e.currentTarget.value))}>
          {PERIODS.map((d) => (
            <option key={d} value={String(d)}>
              {texts.lastDays(d)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {texts.language}
        <select value={lang} onChange={(e) => onLang(e.currentTarget.value as Lang)}>
          <option value="en">English</option>
          <option value="ja">日本語</option>
        </select>
      </label>
      <button type="button" onClick={onRefresh}>
        {texts.refresh}
      </button>
      <button type="button" class="link" onClick={onSignOut}>
        {texts.signOut}
      </button>
    </header>
  );
}
