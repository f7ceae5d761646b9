import type { DimensionCounts } from './store.js';

const total = (counts: DimensionCounts['counts']) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** Orders a breakdown the same way in every store: most answers first, then by value, answers without a value last. */
export function sortDimensionCounts(rows: DimensionCounts[]): DimensionCounts[] {
  return rows.sort((a, b) => {
    if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
    const byTotal = total(b.counts) - total(a.counts);
    if (byTotal !== 0) return byTotal;
    return a.value === null || b.value === null ? 0 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  });
}
