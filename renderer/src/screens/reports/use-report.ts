import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors';
import type { ApiResult } from '../../../../shared/api/errors';

/** Loads a report whenever its request changes; the last answer wins. */
export function useReport<T>(
  load: () => Promise<ApiResult<T>>,
  deps: readonly unknown[],
): { data: T | null; error: ApiError | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let live = true;
    void load().then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else {
        setData(null);
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
    // The request is what `deps` names; `load` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision]);
  return { data, error, reload: () => setRevision((r) => r + 1) };
}
