/**
 * The Electron shell: windows, lockdown and IPC to the core. Everything that decides something
 * lives in modules without Electron (security.ts, ipc-call.ts, settings.ts) and is unit-tested.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  webContents,
  type WebContents,
} from 'electron';
import Store from 'electron-store';
import { z } from 'zod';
import { translate } from '../../shared/i18n/messages';
import { createCore, type Core } from '../core/core';
import { AppError, startRefusalMessage } from '../core/errors';
import { chooseNativeBinding, useNativeAddon } from '../core/db/native-binding';
import { HostOptionsError, parseHostOptions } from '../host-options';
import { CONTENT_SECURITY_POLICY } from '../server/content-security-policy';
import { CONTENT_TYPES, readPage, resolveStaticPath } from '../server/static-files';
import { startsAtLoginVia } from '../server/first-screen';
import { IPC } from '../../shared/api/bridge';
import type { DisplayKind, WindowKind } from '../../shared/domain/station-kinds';
import { changesAsPush } from '../server/push-stream';
import { handleIpcCall, isKiosk, openDisplaySchema, pageFor, pushTargets } from './ipc-call';
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedNavigation,
  isBlockedKioskShortcut,
  isPermissionGranted,
  webPreferencesFor,
} from './security';
import { createFileLog } from './file-log';
import { desktopDataDir, readMachineConfig, sharedMachineFolder } from './machine-config';
import { keychainSecretStore, secretFileFor } from './secret-storage';
import { parseShellSettings, pickSurveyDisplay, type ShellSettings } from './settings';
import { isWritableFolder } from './writable-folder';
import { WindowRegistry } from './window-registry';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'dist', 'renderer');
const preloadPath = join(here, 'preload.cjs');
const isDevelopment = !app.isPackaged;
const windows = new WindowRegistry();
// The database, its WAL, documents and the secret are for this user alone.
process.umask(0o077);

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    // codeCache: the scripts are compiled once, not at every start of the desk's Loket.
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

// A second Loket on the same desk only brings the first one forward: it never opens the database.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.exit(0);

let core: Core | null = null;
let staffWindow: BrowserWindow | null = null;
/** The visitor-facing windows on the second screen, at most one of each kind. */
const displayWindows = new Map<DisplayKind, BrowserWindow>();
const log = createFileLog({ dir: app.getPath('logs') });
const options = readHostOptions();
const settings: ShellSettings = readShellSettings();

/** The same flags and variables as browser mode; a bad one is reported, then the defaults. */
function readHostOptions() {
  try {
    return parseHostOptions(process.argv, process.env);
  } catch (err) {
    if (!(err instanceof HostOptionsError)) throw err;
    log.info(err.message);
    dialog.showErrorBox('Loket', err.message);
    return parseHostOptions([], {});
  }
}

/** A settings file that cannot be read (hand-edited, half-written) gives the defaults, not a crash. */
function readShellSettings(): ShellSettings {
  try {
    const stored = parseShellSettings(new Store().store);
    return {
      ...stored,
      kiosk: stored.kiosk || options.kiosk,
      ...(options.scanFolder && { scanFolder: options.scanFolder }),
    };
  } catch (err) {
    log.error(err);
    return parseShellSettings({ kiosk: options.kiosk, scanFolder: options.scanFolder });
  }
}
// The date inputs and other built-in controls follow the desk's language.
app.commandLine.appendSwitch('lang', settings.locale);

function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The visitor's screens are always locked, also when the staff window itself has become one.
  contents.on('before-input-event', (event, input) => {
    const locked = isKiosk(windows.kindOf(contents.id) ?? 'staff', settings.kiosk);
    if (locked && isBlockedKioskShortcut(input)) event.preventDefault();
  });
}

function createWindow(
  kind: WindowKind,
  fragment?: string,
  bounds?: Electron.Rectangle,
): BrowserWindow {
  const win = new BrowserWindow({
    ...(bounds ?? { width: 1366, height: 900 }),
    show: false,
    kiosk: isKiosk(kind, settings.kiosk),
    autoHideMenuBar: true,
    webPreferences: webPreferencesFor({
      preloadPath,
      isDevelopment,
      speaksUnattended: kind === 'display',
    }),
  });
  const id = win.webContents.id;
  windows.register(id, kind);
  win.on('closed', () => windows.forget(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/${pageFor(kind, fragment)}`);
  return win;
}

async function serveAsset(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const file = resolveStaticPath(rendererDir, path);
  if (file === null) return new Response(null, { status: 400 });
  const c = core;
  const content = await readPage(
    rendererDir,
    path,
    file,
    c ? startsAtLoginVia(c.dispatch) : undefined,
  );
  if (content === null) return new Response(null, { status: 404 });
  return new Response(content, {
    headers: {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function wireIpc(c: Core): void {
  // Each window hears what changed, as its kind may; the page reloads through its own calls.
  changesAsPush((listener) => c.changes.subscribe(listener))((event) => {
    for (const target of pushTargets(windows.entries(), event)) {
      webContents.fromId(target.id)?.send(IPC.push, target.event);
    }
  });
  ipcMain.handle(IPC.call, (event, message: unknown) =>
    handleIpcCall(c.dispatch, windows.kindOf(event.sender.id), message, settings.locale),
  );
  // File bytes travel as a buffer, outside the JSON calls; the core checks the session.
  ipcMain.handle(IPC.upload, async (event, message: unknown) => {
    const parsed = z
      .object({ bytes: z.instanceof(ArrayBuffer), sessionToken: z.string().max(200).optional() })
      .safeParse(message);
    if (!parsed.success || windows.kindOf(event.sender.id) !== 'staff') {
      return {
        ok: false,
        error: {
          code: 'WINDOW_NOT_ALLOWED',
          message: translate(settings.locale, 'errors.WINDOW_NOT_ALLOWED'),
        },
      };
    }
    try {
      return {
        ok: true,
        value: {
          uploadId: await c.stageUpload(
            parsed.data.sessionToken,
            new Uint8Array(parsed.data.bytes),
          ),
        },
      };
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      return { ok: false, error: { code, message: translate(settings.locale, `errors.${code}`) } };
    }
  });
  // A display (the survey, the board) opens on a second screen facing the visitors if there is one.
  ipcMain.handle(IPC.openDisplay, (event, message: unknown) => {
    if (windows.kindOf(event.sender.id) !== 'staff') return false;
    const parsed = openDisplaySchema.safeParse(message);
    if (!parsed.success) return false;
    const { kind, displayToken } = parsed.data;
    const display = settings.surveyOnSecondDisplay
      ? pickSurveyDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id)
      : null;
    if (!display) return false;
    displayWindows.get(kind)?.close();
    const opened = createWindow(
      kind,
      `display=${encodeURIComponent(displayToken)}`,
      display.bounds,
    );
    opened.on('closed', () => {
      if (displayWindows.get(kind) === opened) displayWindows.delete(kind);
    });
    displayWindows.set(kind, opened);
    return true;
  });
  // Without a second display the staff window itself becomes the survey; only a PIN turns it back.
  ipcMain.handle(IPC.enterSurveyMode, (event) => {
    if (windows.kindOf(event.sender.id) !== 'staff') return;
    windows.register(event.sender.id, 'survey');
    BrowserWindow.fromWebContents(event.sender)?.setKiosk(true);
  });
  ipcMain.handle(IPC.leaveSurveyMode, async (event, message: unknown) => {
    const credentials = z
      .object({ username: z.string().max(64), pin: z.string().max(64) })
      .safeParse(message);
    if (!credentials.success || event.sender.id !== staffWindow?.webContents.id) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: translate(settings.locale, 'errors.VALIDATION') },
      };
    }
    const result = await c.dispatch('auth.login', credentials.data, {
      window: 'staff',
      locale: settings.locale,
    });
    if (result.ok) {
      windows.register(event.sender.id, 'staff');
      BrowserWindow.fromWebContents(event.sender)?.setKiosk(settings.kiosk);
    }
    return result;
  });
}

function dataDir(): string {
  const installDir = dirname(process.execPath);
  const shared = sharedMachineFolder(process.platform, process.env, app.isPackaged, existsSync);
  return desktopDataDir(
    options.dataDir,
    readMachineConfig(installDir),
    shared,
    app.getPath('userData'),
  );
}

/** Under Electron from the repository: the better-sqlite3 built for Electron, in its own folder. */
function chooseSqliteAddon(): void {
  const choice = chooseNativeBinding({
    electronVersion: process.versions.electron,
    isPackaged: app.isPackaged,
    appRoot: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
    exists: existsSync,
  });
  if (choice.kind !== 'default') useNativeAddon(choice.path);
}

app.on('second-instance', () => {
  if (staffWindow?.isMinimized()) staffWindow.restore();
  staffWindow?.focus();
});

app.on('web-contents-created', (_event, contents) => lockDown(contents));

void app.whenReady().then(() => {
  if (!isFirstInstance) return;
  const dir = dataDir();
  if (!isWritableFolder(dir)) {
    dialog.showErrorBox('Loket', translate(settings.locale, 'desktop.dataFolderUnusable', { dir }));
    app.quit();
    return;
  }
  try {
    chooseSqliteAddon();
    core = createCore({
      dataDir: dir,
      hostKind: 'desktop',
      ...(settings.scanFolder && { scanFolder: settings.scanFolder }),
      ...(options.surveyIdleSeconds !== undefined && {
        surveyIdleSeconds: options.surveyIdleSeconds,
      }),
      secretStore: keychainSecretStore(secretFileFor(dir), safeStorage, process.platform, log.info),
      logError: log.error,
      warmPdfWorker: true,
      // A restore was staged: quit (the core closes in will-quit) and start again on the restored data.
      requestRestart: () => {
        app.relaunch();
        app.quit();
      },
    });
    // No folder name in the log: on Windows it may carry the account holder's name.
    log.info('core started');
  } catch (err) {
    log.error(err);
    dialog.showErrorBox('Loket', startRefusalMessage(err, settings.locale));
    app.quit();
    return;
  }
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) =>
    isPermissionGranted(permission),
  );
  protocol.handle(APP_SCHEME, serveAsset);
  if (settings.kiosk) Menu.setApplicationMenu(null);
  wireIpc(core);
  core.start();
  staffWindow = createWindow('staff');
  // A display alone must not keep Loket running once the staff have closed it.
  staffWindow.on('closed', () => {
    staffWindow = null;
    for (const w of displayWindows.values()) w.close();
  });
});

app.on('window-all-closed', () => app.quit());
// Deliveries in flight finish (at most the core's bound) before the database closes.
let quitting = false;
app.on('will-quit', (event) => {
  const c = core;
  if (!c || quitting) return;
  quitting = true;
  event.preventDefault();
  core = null;
  void c
    .stop()
    .catch((err: unknown) => log.error(err))
    .finally(() => app.quit());
});
