import { describe, expect, it } from 'vitest';
import { contrast, luminance } from './contrast.js';
import { ACCENT_SWITCH } from './styles.js';
import { DARK, LIGHT, type Palette } from './tokens.js';

describe('contrast', () => {
  it('matches known WCAG figures', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#fff', '#fff')).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(luminance('red')).toBeNaN();
  });
});

// Text and controls against every surface they sit on, in both themes (WCAG 2.1 1.4.3 and 1.4.11).
const pairs: [fg: keyof Palette, bg: keyof Palette, what: string][] = [
  ['fg', 'bg', 'text on the card'],
  ['mu', 'bg', 'labels, placeholder and × on the card'],
  ['fg', 'b2', 'numbers on unselected options'],
  ['mu', 'b2', '× on its hover background'],
  ['oa', 'ac', 'number on the selected option, send label'],
  ['bd', 'bg', 'option and textarea borders'],
  ['bd', 'b2', 'option border against its fill'],
  ['ac', 'bg', 'selected option and send button against the card'],
];

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
] as const)('%s theme', (_, palette) => {
  it.each(pairs)('%s on %s (%s) is at least 4.5:1', (fg, bg) => {
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it('the focus ring (the text colour, drawn 2px outside the control) is at least 3:1 on the card', () => {
    expect(contrast(palette.fg, palette.bg)).toBeGreaterThanOrEqual(3);
  });
});

describe('text on a custom accent', () => {
  // CIE L* to relative luminance (the inverse of L* = 116·Y^(1/3) − 16, above the linear segment).
  const luminanceAt = (l: number) => ((l + 16) / 116) ** 3;
  const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  it('white text below the switch lightness and black from it both reach 4.5:1', () => {
    expect(ratio(1, luminanceAt(ACCENT_SWITCH))).toBeGreaterThanOrEqual(4.5);
    expect(ratio(0, luminanceAt(ACCENT_SWITCH))).toBeGreaterThanOrEqual(4.5);
    // One unit either way would break one side: the switch is where it has to be.
    expect(ratio(0, luminanceAt(ACCENT_SWITCH - 1))).toBeLessThan(4.5);
    expect(ratio(1, luminanceAt(ACCENT_SWITCH + 1))).toBeLessThan(4.5);
  });
});
