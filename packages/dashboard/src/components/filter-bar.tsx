import { useDashboard } from '../context.js';
import type { ContextFilter } from '../scope.js';

/** Props of FilterBar. */
export interface FilterBarProps {
  filter: ContextFilter;
  onClear(): void;
}

/** Says the page shows only answers with one context value (one agent's), with a way back to all answers. */
export function FilterBar({ filter, onClear }: FilterBarProps) {
  const { texts } = useDashboard();
  return (
    <p class="filter-bar" role="status">
      <span>{texts.filteredTo(filter.key, filter.value)}</span>{' '}
      <button type="button" class="link" onClick={onClear}>
        {texts.showAll}
      </button>
    </p>
  );
}
