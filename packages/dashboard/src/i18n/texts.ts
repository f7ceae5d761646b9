import type { CaseStatus, Category, Kind } from '@koe/core';
import type { Interval } from '../period.js';

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
  retry: string;
  tokenRejected: string;
  adminDisabled: string;
  unreachable: string;
  tooMany(seconds: number | undefined): string;
  serverError(status: number): string;
  badRequest(message: string): string;
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
  points: string;
  significant(p: string): string;
  notSignificant(p: string): string;
  noComparison: string;
  download: string;
  trend: string;
  segments: Record<'interval' | 'by' | 'category' | 'status', string>;
  intervals: Record<Interval, string>;
  trendLabel(survey: string, points: number, latest: string): string;
  partialPeriod(label: string): string;
  asTable: string;
  periodHeading: string;
  breakdown: string;
  by: Record<'channel' | 'touchpoint' | 'locale' | 'context', string>;
  contextKey: string;
  contextKeyRule: string;
  show: string;
  value: string;
  answersHeading: string;
  score: string;
  intervalHeading: string;
  none: string;
  groups(shown: number, total: number): string;
  /** A breakdown row's button: narrow the page to this context value. */
  onlyThis(key: string, value: string): string;
  /** The notice over a page narrowed to one context value. */
  filteredTo(key: string, value: string): string;
  showAll: string;
  /** Under the cases of a narrowed page: cases are not narrowed (appended to a sentence, with its own spacing). */
  casesUnfiltered: string;
  /** Under the cases for a viewer token (appended to a sentence, with its own spacing). */
  casesReadOnly: string;
  comments: string;
  all: string;
  noComments: string;
  cases: string;
  caseStatus: Record<CaseStatus, string>;
  noCases: string;
  casesAllTime: string;
  caseTotal(n: string, status: CaseStatus): string;
  openCases(n: string): string;
  noCaseRule: string;
  close: string;
  reopen: string;
  assignee: string;
  assignedTo(name: string): string;
  note: string;
  save: string;
  assignOrNote: string;
  saved: string;
  more: string;
  answeredAt(when: string): string;
  webhookFailed(error: string): string;
}
