/** The relative luminance of a `#rgb` or `#rrggbb` colour (WCAG 2.1), or NaN when it is not one. */
export function luminance(hex: string): number {
  const m = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(hex);
  if (!m) return NaN;
  let h = m[1]!;
  if (h.length === 3) h = h.replace(/./g, '$&$&');
  const channel = (i: number) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The WCAG contrast ratio of two hex colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
