/**
 * Whether a key event belongs to an IME composition (Japanese kana-kanji conversion and the like): the
 * Enter that confirms a conversion must never submit. Safari reports such keydowns with `isComposing`
 * false but keyCode 229, hence both checks.
 */
export function isComposing(event: KeyboardEvent): boolean {
  return event.isComposing || event.keyCode === 229;
}
