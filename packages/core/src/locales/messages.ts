import type { Category, Kind } from '../scale-table.js';

/** Every user-facing string of the widget, in one language. */
export interface Messages {
  /** The survey dialog's accessible name. */
  title: string;
  /** The default question of each kind. */
  question: Record<Kind, string>;
  /** The labels under the lowest and highest value of each scale. */
  scale: Record<Kind, { low: string; high: string }>;
  /** The follow-up question per category, asked after the score. */
  followUp: Record<Kind, Partial<Record<Category, string>>>;
  commentLabel: string;
  commentPlaceholder: string;
  send: string;
  skip: string;
  close: string;
  thanks: string;
  savedOffline: string;
}
