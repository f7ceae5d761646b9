import { useEffect, useState } from 'preact/hooks';

/** What `useLoad` holds: the latest result, or the error of the latest attempt. */
export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** Options of `useLoad`. */
export interface LoadOptions {
  /** Keep showing the last result while the next loads (a count that merely updates, not a new choice). */
  keep?: boolean;
}

interface State<T> extends Loaded<T> {
  key: string;
}

/**
 * Runs `load` whenever `key` changes and keeps its result, tagged with the key it answers. A result for
 * another key is never returned, not even for the one render before the effect runs (old figures under a
 * new period's labels would mislead), and a slower earlier call that resolves after a later one is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, options: LoadOptions = {}): Loaded<T> {
  const [state, setState] = useState<State<T>>({ key: '', data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ key, data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ key, data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  if (state.key === key) return state;
  return { data: options.keep ? state.data : undefined, error: undefined, loading: true };
}
