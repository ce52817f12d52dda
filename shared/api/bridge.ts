import type { DisplayKind, WindowKind } from '../domain/station-kinds';

/**
 * What the Electron preload exposes to a page, per window kind; absent in browser mode. Which
 * methods a window may use is decided in the main process from the window that sent the
 * message: these types only say what a page of that kind has reason to use.
 */
export interface CallBridge {
  call(method: string, input: unknown, sessionToken?: string): Promise<unknown>;
  /**
   * What changed, as push events (unchecked: the page validates them); returns the unsubscribe.
   * The main process sends a window only what its kind may hear.
   */
  onPush(listener: (event: unknown) => void): () => void;
}

export interface StaffBridge extends CallBridge {
  /** Hands a file's bytes to the host; resolves to `{ ok, value: { uploadId } }` or an error. */
  upload(bytes: ArrayBuffer, sessionToken?: string): Promise<unknown>;
  /** Opens a display (the survey, the board) on a second screen; false when there is none. */
  openDisplayWindow(kind: DisplayKind, displayToken: string): Promise<boolean>;
  /** Turns this window into the survey: the main process then allows it only survey methods. */
  enterSurveyMode(): Promise<void>;
}

export interface SurveyBridge extends CallBridge {
  /** Turns a same-window survey back into the staff window after a staff login. */
  leaveSurveyMode(username: string, pin: string): Promise<unknown>;
}

export type DisplayBridge = CallBridge;

export interface WindowBridges {
  staff: StaffBridge;
  survey: SurveyBridge;
  display: DisplayBridge;
}

/**
 * One preload serves every window (a staff window may become the survey and back), so it
 * exposes what all kinds need; the main process refuses what the sender's kind may not do.
 */
export type LoketBridge = StaffBridge & SurveyBridge & DisplayBridge;

/** Every window kind has a bridge type: a new kind without one is a compile error here. */
export type BridgeFor<K extends WindowKind> = WindowBridges[K];

/** The IPC channel names, shared by the preload and the main process. */
export const IPC = {
  call: 'loket:call',
  upload: 'loket:upload',
  openDisplay: 'loket:openDisplay',
  enterSurveyMode: 'loket:enterSurveyMode',
  leaveSurveyMode: 'loket:leaveSurveyMode',
  push: 'loket:push',
} as const;
