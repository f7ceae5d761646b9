import type { Category, Kind } from '@koe/core/browser';

/** The dashboard's languages: English and Japanese are both first-class. */
export type Lang = 'en' | 'ja';

/** Every text the dashboard shows, in one language. */
export interface Texts {
  title: string;
  tokenLabel: string;
  tokenHelp: string;
  signIn: string;
  signOut: string;
  refresh: string;
  tokenRejected: string;
  unreachable: string;
  loading: string;
  site: string;
  period: string;
  lastDays(days: number): string;
  language: string;
  noSites: string;
  noSurveys: string;
  kindScore: Record<Kind, string>;
  categories: Record<Category, string>;
  answers(n: string): string;
  interval(confidence: string, low: string, high: string): string;
  noAnswers: string;
  versus(difference: string, days: number): string;
  verdict(versus: string, significance: string): string;
  significant(p: string): string;
  notSignificant(p: string): string;
  noComparison: string;
  trend: string;
  intervals: Record<'day' | 'week' | 'month', string>;
  trendLabel(survey: string, points: number): string;
  breakdown: string;
  by: Record<'channel' | 'touchpoint' | 'locale' | 'context', string>;
  contextKey: string;
  show: string;
  value: string;
  answersHeading: string;
  score: string;
  intervalHeading: string;
  none: string;
  groups(shown: number, total: number): string;
  comments: string;
  all: string;
  noComments: string;
  cases: string;
  caseStatus: Record<'open' | 'closed', string>;
  noCases: string;
  noCaseRule: string;
  close: string;
  reopen: string;
  assignee: string;
  note: string;
  save: string;
  assignOrNote: string;
  saved: string;
  more: string;
  answeredAt(when: string): string;
  webhookFailed(error: string): string;
}

const en: Texts = {
  title: 'koe dashboard',
  tokenLabel: 'Admin token',
  tokenHelp: "The collector's KOE_ADMIN_TOKEN (pnpm start prints it). It is kept in this browser tab only.",
  signIn: 'Sign in',
  signOut: 'Sign out',
  refresh: 'Refresh',
  tokenRejected: 'The collector refused this token.',
  unreachable: 'The collector could not be reached.',
  loading: 'Loading…',
  site: 'Site',
  period: 'Period',
  lastDays: (days) => `Last ${days} days`,
  language: 'Language',
  noSites: 'No sites are configured yet: add one to koe.config.json.',
  noSurveys: 'This site has no surveys yet.',
  kindScore: { nps: 'NPS', csat: 'CSAT (% satisfied)', ces: 'CES (mean, 1–7)' },
  categories: { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor', satisfied: 'Satisfied', neutral: 'Neutral', dissatisfied: 'Dissatisfied', easy: 'Easy', difficult: 'Difficult' },
  answers: (n) => `${n} answers`,
  interval: (confidence, low, high) => `${confidence} interval ${low} to ${high}`,
  noAnswers: 'No answers in this period',
  versus: (difference, days) => `${difference} against the previous ${days} days`,
  verdict: (versus, significance) => `${versus}: ${significance}`,
  significant: (p) => `significant (p = ${p})`,
  notSignificant: (p) => `not significant (p = ${p})`,
  noComparison: 'too few answers to compare with the previous period',
  trend: 'Trend',
  intervals: { day: 'Daily', week: 'Weekly', month: 'Monthly' },
  trendLabel: (survey, points) => `${survey}: score per period with its interval, ${points} periods with answers`,
  breakdown: 'Breakdown',
  by: { channel: 'Channel', touchpoint: 'Touchpoint', locale: 'Language', context: 'Context key' },
  contextKey: 'Context key (e.g. agentId)',
  show: 'Show',
  value: 'Value',
  answersHeading: 'Answers',
  score: 'Score',
  intervalHeading: 'Interval',
  none: '(none)',
  groups: (shown, total) => (shown < total ? `The ${shown} largest of ${total} groups` : `${total} groups`),
  comments: 'Comments',
  all: 'All',
  noComments: 'No comments in this period.',
  cases: 'Follow-up cases',
  caseStatus: { open: 'Open', closed: 'Closed' },
  noCases: 'No cases here.',
  noCaseRule: 'This survey opens no follow-up cases: give it a `cases` rule in koe.config.json.',
  close: 'Close',
  reopen: 'Reopen',
  assignee: 'Assignee',
  note: 'Note',
  save: 'Save',
  assignOrNote: 'Assign or add a note',
  saved: 'Saved',
  more: 'More',
  answeredAt: (when) => `answered ${when}`,
  webhookFailed: (error) => `Webhook failed: ${error}`,
};

const ja: Texts = {
  title: 'koe ダッシュボード',
  tokenLabel: '管理トークン',
  tokenHelp: 'コレクターの KOE_ADMIN_TOKEN（pnpm start が表示します）。このタブの中だけに保存されます。',
  signIn: 'サインイン',
  signOut: 'サインアウト',
  refresh: '更新',
  tokenRejected: 'このトークンはコレクターに拒否されました。',
  unreachable: 'コレクターに接続できませんでした。',
  loading: '読み込み中…',
  site: 'サイト',
  period: '期間',
  lastDays: (days) => `過去${days}日間`,
  language: '言語',
  noSites: 'サイトがまだ設定されていません。koe.config.json に追加してください。',
  noSurveys: 'このサイトにはまだアンケートがありません。',
  kindScore: { nps: 'NPS', csat: 'CSAT（満足の割合 %）', ces: 'CES（平均、1〜7）' },
  categories: { promoter: '推奨者', passive: '中立者', detractor: '批判者', satisfied: '満足', neutral: 'どちらでもない', dissatisfied: '不満', easy: '容易', difficult: '困難' },
  answers: (n) => `回答 ${n} 件`,
  interval: (confidence, low, high) => `${confidence} 信頼区間 ${low}〜${high}`,
  noAnswers: 'この期間の回答はありません',
  versus: (difference, days) => `前の${days}日間と比べて ${difference}`,
  verdict: (versus, significance) => `${versus}、${significance}`,
  significant: (p) => `有意差あり（p = ${p}）`,
  notSignificant: (p) => `有意差なし（p = ${p}）`,
  noComparison: '前の期間と比べるには回答が足りません',
  trend: '推移',
  intervals: { day: '日別', week: '週別', month: '月別' },
  trendLabel: (survey, points) => `${survey}：期間ごとのスコアと信頼区間、回答のある期間 ${points}`,
  breakdown: '内訳',
  by: { channel: 'チャネル', touchpoint: 'タッチポイント', locale: '言語', context: 'コンテキストキー' },
  contextKey: 'コンテキストキー（例：agentId）',
  show: '表示',
  value: '値',
  answersHeading: '回答数',
  score: 'スコア',
  intervalHeading: '信頼区間',
  none: '（なし）',
  groups: (shown, total) => (shown < total ? `全 ${total} グループのうち上位 ${shown}` : `${total} グループ`),
  comments: 'コメント',
  all: 'すべて',
  noComments: 'この期間のコメントはありません。',
  cases: 'フォローアップ案件',
  caseStatus: { open: '未対応', closed: '対応済み' },
  noCases: '案件はありません。',
  noCaseRule: 'このアンケートは案件を作成しません。koe.config.json で `cases` ルールを設定してください。',
  close: '対応済みにする',
  reopen: '未対応に戻す',
  assignee: '担当者',
  note: 'メモ',
  save: '保存',
  assignOrNote: '担当者・メモ',
  saved: '保存しました',
  more: 'さらに表示',
  answeredAt: (when) => `${when} に回答`,
  webhookFailed: (error) => `Webhook の送信に失敗しました：${error}`,
};

/** The texts of each language. */
export const TEXTS: Readonly<Record<Lang, Texts>> = { en, ja };

/** The first of the browser's preferred languages the dashboard speaks (`ja-JP` → ja), else English. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}
