import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { MethodOutput } from '../../../../shared/api/contract';
import { useLiveCall } from '../../hooks/use-live-call';

/** Only while the push stream is down: offers are pushed as they appear. */
const POLL_MS = 15_000;
export type FolderOffer = MethodOutput<'folder.offers'>[number];

interface FolderOffersState {
  offers: FolderOffer[];
  /** An offer just attached disappears at once, before the next poll. */
  taken: (id: string) => void;
  /** Each open draft card subscribes; the screen polls while at least one is open. */
  subscribe: () => () => void;
}

const FolderOffersContext = createContext<FolderOffersState | null>(null);

/** One poll of the scan folder for the whole consultation screen, shared by every open draft. */
export function FolderOffersProvider({ children }: { children: ReactNode }) {
  const [subscribers, setSubscribers] = useState(0);
  const live = useLiveCall(
    'folder.offers',
    {},
    {
      topics: ['folder'],
      fallbackMs: POLL_MS,
      enabled: subscribers > 0,
    },
  );
  const [takenIds, setTakenIds] = useState<readonly string[]>([]);
  const offers: FolderOffer[] = useMemo(
    () => (live.data ?? []).filter((o) => !takenIds.includes(o.id)),
    [live.data, takenIds],
  );
  const taken = useCallback((id: string) => setTakenIds((ids) => [...ids, id]), []);
  const subscribe = useCallback(() => {
    setSubscribers((n) => n + 1);
    return () => setSubscribers((n) => n - 1);
  }, []);
  const value = useMemo(() => ({ offers, taken, subscribe }), [offers, taken, subscribe]);
  return <FolderOffersContext.Provider value={value}>{children}</FolderOffersContext.Provider>;
}

/** The scan folder's current offers, from the screen's shared poll. */
export function useFolderOffers(): { offers: FolderOffer[]; taken: (id: string) => void } {
  const state = useContext(FolderOffersContext);
  if (!state) throw new Error('useFolderOffers needs a FolderOffersProvider');
  const { subscribe } = state;
  useEffect(() => subscribe(), [subscribe]);
  return { offers: state.offers, taken: state.taken };
}
