import type { ThemeOptions } from './contract.js';
import { DARK, LIGHT, type Palette } from './tokens.js';

/** The accent lightness (LCH L*) from which text on it turns black: white below has ≥ 4.6:1, black from it ≥ 4.5:1. */
export const ACCENT_SWITCH = 49;

/** The default stacking level: above ordinary page content and most modals, below the 32-bit maximum. */
export const Z_INDEX = 2147483000;

const vars = (p: Palette) =>
  Object.entries(p)
    .map(([k, v]) => `--${k}:${v}`)
    .join(';');

// Class names are one letter to keep the chunk small; they live in the shadow root, so they clash with nothing.
// The card's outline is a translucent grey that reads on light and dark pages alike.
// k: dialog, f: floating card, l: bottom-left, a: auto scheme, d: forced dark, q: question, u: follow-up,
// t: thank-you, x: close, s: scale, e: end labels, r: action row, p: primary button.
// Each line ends in `\` (a line continuation): the sheet ships without newlines.
// Under 480 px the card spans the screen; there 2 px gaps keep each of NPS's 11 buttons at least 24 px
// wide (WCAG 2.5.8) with room for "10" on a 320 px phone (16 px padding, not 20, for the same reason).
// `:host` with !important beats the page's rules, even its !important ones (the inner context wins those),
// and `all: initial` stops inherited fonts and colours at the boundary. `*` here matches only this tree.
const BASE = `:host{all:initial!important;display:block!important}\
*{box-sizing:border-box;margin:0;font:inherit;color:inherit}\
.k{${vars(LIGHT)};position:relative;padding:16px;border-radius:12px;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,sans-serif;box-shadow:0 0 0 1px #8884}\
.f{position:fixed;inset:auto 16px 16px auto;width:400px;max-height:calc(100vh - 32px);overflow:auto;box-shadow:0 12px 32px #0004,0 0 0 1px #8884}\
.l{inset:auto auto 16px 16px}\
.q{font-weight:600;padding-inline-end:28px;margin-bottom:12px}\
.u{margin:16px 0 8px}\
:lang(ja){word-break:auto-phrase}\
.t{margin:0;outline:0}\
button{padding:0;border:0;border-radius:8px;background:none;cursor:pointer}\
.x{position:absolute;top:8px;inset-inline-end:8px;width:32px;height:32px;color:var(--mu);font-size:22px}\
.x:hover,.r :hover{background:var(--b2)}\
.s{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:4px}\
.s button{min-width:0;height:40px;border:1px solid var(--bd);background:var(--b2);font-weight:600}\
.s :hover{border-color:var(--ac)}\
.s [aria-checked=true]{background:var(--ac);border-color:var(--ac);color:var(--oa)}\
.e,label{font-size:13px;color:var(--mu)}\
.e{display:flex;justify-content:space-between;gap:16px;margin-top:6px}\
label{display:block;margin-bottom:6px}\
textarea{display:block;width:100%;min-height:84px;resize:vertical;padding:8px 10px;border:1px solid var(--bd);border-radius:8px;background:var(--bg)}\
::placeholder{color:var(--mu);opacity:1}\
.r{display:flex;justify-content:flex-end;gap:8px;margin-top:12px}\
.r button{height:36px;padding:0 16px;font-weight:600}\
.r .p{background:var(--ac);color:var(--oa)}\
:focus-visible{outline:2px solid var(--fg);outline-offset:2px}\
@media(prefers-reduced-motion:no-preference){.f{animation:u .24s ease-out}}\
@keyframes u{from{opacity:0;transform:translateY(12px)}}\
@media(max-width:480px){.f{inset:auto 0 0;width:auto;border-radius:16px 16px 0 0;padding-bottom:max(16px,env(safe-area-inset-bottom))}.s{gap:2px}}\
@media(forced-colors:active){.s [aria-checked=true]{outline:3px solid}}\
@media(prefers-color-scheme:dark){.a{${vars(DARK)}}}\
.d{${vars(DARK)}}`;

/** The whole stylesheet for a theme: the fixed rules, then the accent and z-index the site chose. */
export function css(theme: ThemeOptions = {}): string {
  // `| 0` makes any input a 32-bit integer (NaN and non-numbers 0, hence the default), safe to write into CSS.
  const z = (theme.zIndex as number) | 0 || Z_INDEX;
  // The accent is written into CSS: only characters a colour needs, so it can never close the rule.
  const accent = theme.accent && /^[\w#(),.%\s/-]+$/.test(theme.accent) ? theme.accent : '';
  // Text on a custom accent: black or white by the accent's perceptual lightness (relative colour syntax),
  // white where that is unsupported.
  return `${BASE}.f{z-index:${z}}${
    accent ? `.k{--ac:${accent};--oa:#fff}@supports(color:lch(from red l c h)){.k{--oa:lch(from var(--ac) calc((${ACCENT_SWITCH} - l) * 100) 0 0)}}` : ''
  }`;
}

/**
 * Styles a shadow root through a constructable stylesheet: no <style> element, no style attribute, so
 * it needs no CSP nonce. Browsers without constructable stylesheets (Safari before 16.4) get the
 * unstyled but fully working markup rather than an inline style a strict CSP would block.
 */
export function adopt(root: ShadowRoot, text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets (or no CSSStyleSheet at all): unstyled rather than broken.
  }
}
