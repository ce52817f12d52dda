import { z } from 'zod';
import type { Topic } from '../api/topics';
import type { Role } from './roles';

/**
 * The kinds of window that may call the API. Each has its own renderer entry and its own
 * allow-list of methods (the contract's `windows`); the host decides the kind (IPC sender, HTTP
 * route, paired station), never the page.
 */
export const WINDOW_KINDS = ['staff', 'survey', 'display'] as const;
export const windowKindSchema = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof windowKindSchema>;

export interface WindowKindSpec {
  /** The path the renderer is opened at for this kind (browser mode and the Electron protocol). */
  entry: string;
  /** Staff log in here; the other kinds never carry a staff session. */
  staffLogin: boolean;
  /** The changes its push stream carries: a display hears only what its own screen shows. */
  hears: 'all' | readonly Topic[];
}

export const WINDOW_KIND_SPECS = {
  staff: { entry: '/', staffLogin: true, hears: 'all' },
  survey: { entry: '/survey', staffLogin: false, hears: ['survey'] },
  display: { entry: '/board', staffLogin: false, hears: ['queue', 'settings'] },
} as const satisfies Record<WindowKind, WindowKindSpec>;

/**
 * The window kinds without a staff login: a staff member opens one for a screen facing the
 * visitors (a display session), and it may call only the methods whose access names it.
 */
export type DisplayKind = {
  [K in WindowKind]: (typeof WINDOW_KIND_SPECS)[K]['staffLogin'] extends true ? never : K;
}[WindowKind];
export const DISPLAY_KINDS = WINDOW_KINDS.filter(
  (k): k is DisplayKind => !WINDOW_KIND_SPECS[k].staffLogin,
);

/** The window kind whose renderer entry this path is (`/survey`, `/survey/`…), else staff. */
export function windowKindOfPath(pathname: string): WindowKind {
  const found = WINDOW_KINDS.find((k) => {
    const entry: string = WINDOW_KIND_SPECS[k].entry;
    return entry !== '/' && (pathname === entry || pathname.startsWith(`${entry}/`));
  });
  return found ?? 'staff';
}

/** What a PC paired with a hub is for; chosen when the admin makes the pairing code. */
export const STATION_KINDS = ['reception', 'consultation', 'survey', 'display'] as const;
export const stationKindSchema = z.enum(STATION_KINDS);
export type StationKind = z.infer<typeof stationKindSchema>;

export interface StationKindSpec {
  /** The windows this station may open against the hub. */
  windows: readonly WindowKind[];
  /**
   * The roles a staff member may act in at this station: their own roles intersected with
   * these. An officer who is also a receptionist acts only as a receptionist at reception.
   */
  roles: readonly Role[];
  /** Hardware the station's own PC serves locally (never the hub's). */
  localHardware: readonly ('scanner' | 'scanFolder' | 'secondDisplay')[];
}

export const STATION_KIND_SPECS: Record<StationKind, StationKindSpec> = {
  reception: {
    windows: ['staff'],
    roles: ['receptionist', 'supervisor', 'admin'],
    localHardware: [],
  },
  consultation: {
    windows: ['staff', 'survey'],
    roles: ['officer', 'supervisor', 'admin'],
    localHardware: ['scanner', 'scanFolder', 'secondDisplay'],
  },
  survey: { windows: ['survey'], roles: [], localHardware: [] },
  display: { windows: ['display'], roles: [], localHardware: [] },
};
