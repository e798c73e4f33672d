// Loads data for a page and keeps the error as a value to show, not a throw.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Async<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (next: T) => void;
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'internal-error', String(e), e instanceof Error ? e.message : '');
}

/** The arguments a load was asked with, and how many times they have changed. */
export interface Epoch {
  deps: readonly unknown[];
  number: number;
}

/**
 * The epoch for this render's arguments: the same while they stay the same,
 * the next one as soon as any changes (even back to an earlier value, whose
 * data may have changed on the server meanwhile).
 */
export function nextEpoch(previous: Epoch | null, deps: readonly unknown[]): Epoch {
  if (!previous) return { deps, number: 1 };
  const same = previous.deps.length === deps.length && deps.every((d, i) => Object.is(d, previous.deps[i]));
  return same ? previous : { deps, number: previous.number + 1 };
}

interface Loaded<V> {
  value: V;
  epoch: number;
}

/**
 * Data loaded for other arguments is never shown as if it were for these
 * (another plan, another quarter, another version): it is kept only across
 * reload() with the same arguments, so an action's result does not flicker.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const epoch = useRef<Epoch | null>(null);
  epoch.current = nextEpoch(epoch.current, deps);
  const now = epoch.current.number;
  const [data, setLoaded] = useState<Loaded<T> | undefined>(undefined);
  const [error, setError] = useState<Loaded<ApiError> | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const run = useCallback(async () => {
    const mine = ++generation.current;
    const asked = epoch.current!.number;
    setLoading(true);
    try {
      const value = await load();
      if (mine === generation.current) {
        setLoaded({ value, epoch: asked });
        setError(null);
      }
    } catch (e) {
      if (mine === generation.current) setError({ value: asApiError(e), epoch: asked });
    } finally {
      if (mine === generation.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  const setData = useCallback((next: T) => setLoaded({ value: next, epoch: epoch.current!.number }), []);
  const current = data?.epoch === now ? data.value : undefined;
  const failed = error?.epoch === now ? error.value : null;
  // Until this epoch's load has answered, the page is loading, even before the load has started.
  return { data: current, error: failed, loading: loading || (data?.epoch !== now && error?.epoch !== now), reload: run, setData };
}
