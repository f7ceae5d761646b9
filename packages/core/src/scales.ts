import { z } from 'zod';
import { CATEGORIES, KINDS } from './scale-table.js';

/** The three survey kinds koe measures. */
export const Kind = z.enum(KINDS);
/** One of `nps`, `csat`, `ces`. */
export type Kind = z.infer<typeof Kind>;

/** Every answer category across kinds (CSAT and CES share `neutral`). */
export const Category = z.enum(CATEGORIES);
/** An answer category such as `promoter` or `difficult`. */
export type Category = z.infer<typeof Category>;

export { CATEGORIES, KINDS, SCALES, categoriesOf, categorize, isOnScale, scaleValues } from './scale-table.js';
export type { Scale } from './scale-table.js';
