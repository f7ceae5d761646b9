// The scale table without zod, so browser code (the widget's UI chunk) can import it for a few bytes.

/** The three survey kinds, in the order reports list them. */
export const KINDS = ['nps', 'csat', 'ces'] as const;
/** One of `nps`, `csat`, `ces`. */
export type Kind = (typeof KINDS)[number];

/** Every answer category across kinds (CSAT and CES share `neutral`). */
export const CATEGORIES = ['promoter', 'passive', 'detractor', 'satisfied', 'neutral', 'dissatisfied', 'easy', 'difficult'] as const;
/** An answer category such as `promoter` or `difficult`. */
export type Category = (typeof CATEGORIES)[number];

/** A scale: its integer range and which values fall in which category, best category first. */
export interface Scale {
  readonly kind: Kind;
  readonly min: number;
  readonly max: number;
  readonly categories: readonly { readonly name: Category; readonly min: number; readonly max: number }[];
}

// The one table every package reads. NPS: Reichheld (2003); CSAT: top-2-box of 5; CES 2.0: Dixon,
// Toman & DeLisi (2013), 7-point agreement where 5–7 agree that the company made it easy.
/** The scale of each kind. */
export const SCALES: Readonly<Record<Kind, Scale>> = {
  nps: {
    kind: 'nps',
    min: 0,
    max: 10,
    categories: [
      { name: 'promoter', min: 9, max: 10 },
      { name: 'passive', min: 7, max: 8 },
      { name: 'detractor', min: 0, max: 6 },
    ],
  },
  csat: {
    kind: 'csat',
    min: 1,
    max: 5,
    categories: [
      { name: 'satisfied', min: 4, max: 5 },
      { name: 'neutral', min: 3, max: 3 },
      { name: 'dissatisfied', min: 1, max: 2 },
    ],
  },
  ces: {
    kind: 'ces',
    min: 1,
    max: 7,
    categories: [
      { name: 'easy', min: 5, max: 7 },
      { name: 'neutral', min: 4, max: 4 },
      { name: 'difficult', min: 1, max: 3 },
    ],
  },
};

/** The categories of a kind, best first. */
export function categoriesOf(kind: Kind): Category[] {
  return SCALES[kind].categories.map((c) => c.name);
}

/** The integer values of a kind's scale, lowest first. */
export function scaleValues(kind: Kind): number[] {
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Whether `score` is an integer on the kind's scale. */
export function isOnScale(kind: Kind, score: number): boolean {
  const { min, max } = SCALES[kind];
  return Number.isInteger(score) && score >= min && score <= max;
}

/** The category of a score; throws a RangeError naming kind, value and range when it is off the scale. */
export function categorize(kind: Kind, score: number): Category {
  const scale = SCALES[kind];
  if (!scale) throw new RangeError(`Unknown survey kind ${JSON.stringify(kind)}: expected nps, csat or ces`);
  if (!isOnScale(kind, score)) {
    throw new RangeError(
      `${kind} score ${String(score)} is off the scale: expected an integer from ${scale.min} to ${scale.max}`,
    );
  }
  const found = scale.categories.find((c) => score >= c.min && score <= c.max);
  // The table covers every value of the range, so this only guards against editing it wrongly.
  if (!found) throw new RangeError(`${kind} score ${score} has no category`);
  return found.name;
}
