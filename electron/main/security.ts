/**
 * The decisions of the Electron shell, kept free of Electron so they are unit-tested under plain
 * Node: what a window may load, which keys kiosk mode swallows, which permissions are granted.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loket';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** One hardened set of web preferences for every window; only the preload and DevTools vary. */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const;

export function webPreferencesFor(options: {
  preloadPath: string;
  isDevelopment: boolean;
  /** The waiting-room board speaks calls on a wall screen nobody touches. */
  speaksUnattended?: boolean;
}) {
  return {
    ...HARDENED_WEB_PREFERENCES,
    preload: options.preloadPath,
    devTools: options.isDevelopment,
    ...(options.speaksUnattended && { autoplayPolicy: 'no-user-gesture-required' as const }),
  };
}

/** Only our own app:// pages may be shown; everything else (web, file:, javascript:) is refused. */
export function isAllowedNavigation(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Permissions Loket's pages may have: none. Camera, microphone, notifications, geolocation,
 * clipboard reads and the rest are refused; a permission added here needs a reason.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set();

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

export interface KeyInput {
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const BLOCKED_PLAIN = new Set(['F5', 'F11', 'F12']);
const BLOCKED_WITH_MODIFIER = new Set(['r', 'w', 'q', 'n', 't', 'p', 'l', 'o', 's', 'u']);
const BLOCKED_DEVTOOLS = new Set(['i', 'j', 'c']);

/** Kiosk mode: the shortcuts that would reload, close, open, print or inspect are swallowed. */
export function isBlockedKioskShortcut(input: KeyInput): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.control || input.meta;
  if (BLOCKED_PLAIN.has(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home'))
    return true;
  if (mod && input.shift && BLOCKED_DEVTOOLS.has(key)) return true;
  if (mod && BLOCKED_WITH_MODIFIER.has(key)) return true;
  return false;
}
