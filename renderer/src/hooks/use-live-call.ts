import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import type { Topic } from '../../../shared/api/topics';
import type { WindowKind } from '../../../shared/domain/station-kinds';
import { api } from '../api/client';
import { liveFeed, type LiveStatus } from '../api/live';
import { followTopics } from './follow-topics';

/*
 * The renderer's one way to load what a screen shows, instead of an effect of its own per call:
 * `useLiveCall` for data other desks change (it follows the push topics of the contract's
 * `changes`, polling only while the stream is down), `useCall` for a load the screen alone
 * reloads — a form's saved values (a push must not overwrite an edit in progress), a call the
 * read log records (each push would log a view nobody made), state no topic announces. Both drop
 * a late answer to an older request, keep the last good data when a reload fails, and hand the
 * refusal over as an `ApiError` (and to `onError`).
 */

/** While the push stream is down, how often a screen reloads by itself (15–30 s as before). */
export const DEFAULT_FALLBACK_MS = 20_000;

/** How a screen loads one call, whether or not it follows the push stream. */
export interface CallOptions<M extends MethodName> {
  /** The window kind whose stream to hear (default: the staff window). */
  window?: WindowKind;
  /** The call to make; default the staff client. */
  call?: (method: M, input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
  /** False: do not load (yet); e.g. nothing selected. */
  enabled?: boolean;
  /** Told each successful answer: to fill a form, or add up alerts a call hands over only once. */
  onData?: (value: MethodOutput<M>) => void;
  /** Told each refusal, for a screen that shows it in its own message line. */
  onError?: (error: ApiError) => void;
}

export interface LiveCallOptions<M extends MethodName> extends CallOptions<M> {
  /** Reload when one of these changed (the contract's `changes` of other calls). */
  topics: readonly Topic[];
  /** Poll this often, but only while the stream is down. */
  fallbackMs?: number;
  /** Poll this often even while the stream is up: for state no call announces (free disk). */
  alwaysEveryMs?: number;
}

export interface LiveCall<M extends MethodName> {
  data: MethodOutput<M> | null;
  error: ApiError | null;
  /** Load again now: after an action on this screen. */
  reload: () => void;
  /** When the last answer arrived (ms). */
  loadedAt: number | null;
}

/**
 * One call's current answer: loaded once, reloaded when the push stream says one of its topics
 * changed or asks for a resync, and polled only as a fallback while the stream is down. The
 * input is compared by its JSON, so an object literal per render does not reload.
 */
export function useLiveCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: LiveCallOptions<M>,
): LiveCall<M> {
  const [data, setData] = useState<MethodOutput<M> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((r) => r + 1), []);
  const key = JSON.stringify(input);
  const topicsKey = options.topics.join(',');
  const kind = options.window ?? 'staff';
  const enabled = options.enabled ?? true;
  const fallbackMs = options.fallbackMs ?? DEFAULT_FALLBACK_MS;
  const call = useRef(options.call ?? api);
  const onData = useRef(options.onData);
  const onError = useRef(options.onError);
  useEffect(() => {
    call.current = options.call ?? api;
    onData.current = options.onData;
    onError.current = options.onError;
  });
  const alwaysEveryMs = options.alwaysEveryMs;

  // The answer of the latest request wins; an older one arriving late is dropped.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void call.current(method, JSON.parse(key) as MethodInput<M>).then((r) => {
      if (!live) return;
      setLoadedAt(Date.now());
      if (r.ok) {
        setData(r.value);
        setError(null);
        onData.current?.(r.value);
      } else {
        setError(r.error);
        onError.current?.(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [method, key, revision, enabled]);

  useEffect(() => {
    if (!enabled) return;
    const topics = topicsKey === '' ? [] : (topicsKey.split(',') as Topic[]);
    return followTopics(liveFeed(kind), { topics, fallbackMs, alwaysEveryMs }, reload);
  }, [kind, topicsKey, fallbackMs, alwaysEveryMs, enabled, reload]);

  return { data, error, reload, loadedAt };
}

const NO_TOPICS: readonly Topic[] = [];

/**
 * One call's answer, loaded when the input changes (by its JSON) and again on `reload()`; it
 * follows no topic and never polls, so an edit in progress is never loaded over.
 */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: CallOptions<M> = {},
): LiveCall<M> {
  return useLiveCall(method, input, { ...options, topics: NO_TOPICS });
}

/** Whether this tab's push stream is up, and since when it is not: for a "Terputus sejak" sign. */
export function useLiveStatus(kind: WindowKind): LiveStatus {
  const feed = liveFeed(kind);
  return useSyncExternalStore(
    (changed) => feed.onStatus(changed),
    () => feed.status(),
  );
}
