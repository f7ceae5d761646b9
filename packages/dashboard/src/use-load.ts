import { useEffect, useState } from 'preact/hooks';

/** What `useLoad` holds: the latest result, or the error of the latest attempt. */
export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes and keeps its result. The previous result goes at once (old figures
 * under a new period's labels would mislead), and a slower earlier call that resolves after a later one is
 * dropped, so switching survey or period quickly never shows the previous choice's figures.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    setState({ data: undefined, error: undefined, loading: true });
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
