import { useEffect, useRef, useState } from 'preact/hooks';

/** One page of a keyset-paged list: its items and the cursor of the next page (null: no more). */
export interface Page<T> {
  items: T[];
  next: string | null;
  /** How many items all pages hold, when the API says. */
  total?: number;
}

/** What `usePages` holds: the items loaded so far, and ways to load more or start again. */
export interface Pages<T> {
  items: T[];
  next: string | null;
  total: number | undefined;
  loading: boolean;
  error: unknown;
  /** Appends the next page. */
  more(): void;
  /**
   * Replaces the item `match` finds with `item` (after an update); `delta` says by how much that moves the
   * total, given the item it replaces as the list holds it now (an item that left the filter: -1).
   */
  replace(match: (item: T) => boolean, item: T, delta?: (old: T) => number): void;
}

/**
 * A list read a page at a time, from the start again whenever `key` changes. Pages that arrive for an
 * earlier key (a slow answer after the survey or filter changed) are dropped.
 */
export function usePages<T>(load: (before: string | undefined) => Promise<Page<T>>, key: string): Pages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const generation = useRef(0);

  const fetchPage = (before: string | undefined) => {
    const mine = generation.current;
    setLoading(true);
    load(before).then(
      (page) => {
        if (mine !== generation.current) return;
        // Appended to the list as it is then, not as it was when asked: an item updated meanwhile stays updated.
        setItems((list) => (before === undefined ? page.items : [...list, ...page.items]));
        setNext(page.next);
        setTotal(page.total);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setNext(null);
    setTotal(undefined);
    fetchPage(undefined);
  }, [key]);

  return {
    items,
    next,
    total,
    loading,
    error,
    more: () => next !== null && !loading && fetchPage(next),
    replace: (match, item, delta) =>
      setItems((list) => {
        const old = list.find(match);
        const moved = old && delta ? delta(old) : 0;
        if (moved !== 0) setTotal((n) => (n === undefined ? n : n + moved));
        return list.map((each) => (match(each) ? item : each));
      }),
  };
}
