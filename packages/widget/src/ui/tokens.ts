/** The colour tokens of one theme (CSS custom properties on the dialog, see styles.ts). */
export interface Palette {
  /** Card background. */
  bg: string;
  /** Text. */
  fg: string;
  /** Secondary text: end labels, the comment label, the placeholder, the close button. */
  mu: string;
  /** Borders of controls (scale options, textarea). */
  bd: string;
  /** Background of unselected scale options; hover background of quiet buttons. */
  b2: string;
  /** Accent: the selected option and the send button. */
  ac: string;
  /** Text on the accent. */
  oa: string;
}

// Picked for WCAG 2.1 AA: text ≥ 4.5:1 on both backgrounds, control borders and the focus ring ≥ 4.5:1
// too (beyond the 3:1 that 1.4.11 asks); tokens.test.ts computes every pair.
/** The light theme. */
export const LIGHT: Palette = {
  bg: '#fff',
  fg: '#1f2328',
  mu: '#57606a',
  bd: '#656d76',
  b2: '#f6f8fa',
  ac: '#0a5bd0',
  oa: '#fff',
};

/** The dark theme. */
export const DARK: Palette = {
  bg: '#1c2128',
  fg: '#e6edf3',
  mu: '#a2acb7',
  bd: '#8f99a4',
  b2: '#262c36',
  ac: '#5ea3ff',
  oa: '#0d1117',
};
