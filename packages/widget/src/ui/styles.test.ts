import { afterEach, describe, expect, it } from 'vitest';
import { css, Z_INDEX } from './styles.js';
import { flush, show } from './test-helpers.js';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Every element of the page, shadow trees included. */
function everything(root: Document | ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? everything(el.shadowRoot) : [])]);
}

function assertNoInlineStyle() {
  const all = everything(document);
  expect(all.filter((el) => el.tagName === 'STYLE')).toEqual([]);
  expect(all.filter((el) => el.hasAttribute('style')).map((el) => el.outerHTML)).toEqual([]);
}

describe('isolation', () => {
  it('styles only through an adopted constructable stylesheet, at every step', async () => {
    const { root, radios, $ } = show('nps');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    const text = [...root.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('\n');
    expect(text).toMatch(/:host/);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    assertNoInlineStyle();
    radios()[3]!.click();
    await flush();
    assertNoInlineStyle();
    $<HTMLButtonElement>('.p')!.click();
    await flush();
    assertNoInlineStyle();
    expect(document.head.children).toHaveLength(0);
  });

  it('guards the host with !important rules and scopes every selector to the shadow root', () => {
    const text = css();
    expect(text).toMatch(/:host\{all:initial!important;display:block!important\}/);
    // No selector reaches the page: a shadow root's sheet cannot, and none tries (no html/body/:root).
    expect(text).not.toMatch(/(^|[}\s,])(html|body|:root)\b/);
    expect(text).toContain(`.f{z-index:${Z_INDEX}}`);
  });
});

describe('theme', () => {
  it('writes the accent, its text colour picked by lightness where CSS can, and the z-index', () => {
    const text = css({ accent: '#ffd400', zIndex: 99 });
    expect(text).toContain('.k{--ac:#ffd400;--oa:#fff}');
    expect(text).toContain('@supports(color:lch(from red l c h)){.k{--oa:lch(from var(--ac) ');
    expect(text).toContain('.f{z-index:99}');
    expect(css({ zIndex: 12.7 })).toContain('.f{z-index:12}');
    expect(css({ zIndex: Number.NaN })).toContain(`.f{z-index:${Z_INDEX}}`);
  });

  it('refuses an accent that would break out of its rule', () => {
    const text = css({ accent: 'red}:host{display:none' });
    expect(text).not.toContain('display:none');
    expect(text).not.toContain('--ac:red');
  });

  it('classes the card for position and colour scheme', () => {
    expect(show('nps', { theme: { position: 'bottom-left', colorScheme: 'dark' } }).$('.k')!.className).toBe('k f l d');
    expect(show('nps', { theme: { colorScheme: 'light' } }).$('.k')!.className).toBe('k f');
    expect(show('nps').$('.k')!.className).toBe('k f a');
  });
});
