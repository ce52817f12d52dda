import { describe, expect, it } from 'vitest';
import {
  HARDENED_WEB_PREFERENCES,
  isAllowedNavigation,
  isBlockedKioskShortcut,
  isPermissionGranted,
  webPreferencesFor,
  type KeyInput,
} from '../../electron/main/security';
import { parseShellSettings, pickSurveyDisplay } from '../../electron/main/settings';

describe('web preferences', () => {
  it('isolate and sandbox every window, with no Node and no webview', () => {
    expect(HARDENED_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('let only the waiting-room board play sound before anyone touched it', () => {
    const board = webPreferencesFor({
      preloadPath: 'p',
      isDevelopment: false,
      speaksUnattended: true,
    });
    expect(board).toMatchObject({ autoplayPolicy: 'no-user-gesture-required', sandbox: true });
    expect(webPreferencesFor({ preloadPath: 'p', isDevelopment: false })).not.toHaveProperty(
      'autoplayPolicy',
    );
  });

  it('allow DevTools only in development', () => {
    expect(webPreferencesFor({ preloadPath: '/p.cjs', isDevelopment: false })).toMatchObject({
      devTools: false,
      preload: '/p.cjs',
      sandbox: true,
    });
    expect(webPreferencesFor({ preloadPath: '/p.cjs', isDevelopment: true }).devTools).toBe(true);
  });
});

describe('navigation', () => {
  it.each([
    ['app://loket/index.html', true],
    ['app://loket/survey#display=abc', true],
    ['app://loket/', true],
    ['app://loket.evil.example/index.html', false],
    ['app://evil/index.html', false],
    ['app://user:pass@loket/index.html', false],
    ['https://loket/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });
});

describe('permissions', () => {
  it('refuses every permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionGranted(p)).toBe(false);
    }
  });
});

describe('kiosk shortcuts', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });
  it.each([
    [key('F5'), true],
    [key('F11'), true],
    [key('F12'), true],
    [key('r', { control: true }), true],
    [key('R', { meta: true }), true],
    [key('w', { control: true }), true],
    [key('q', { meta: true }), true],
    [key('I', { control: true, shift: true }), true],
    [key('j', { meta: true, shift: true }), true],
    [key('F4', { alt: true }), true],
    [key('ArrowLeft', { alt: true }), true],
    [key('p', { control: true }), true],
    [key('a'), false],
    [key('Enter'), false],
    [key('Tab'), false],
    [key('Escape'), false],
    [key('ArrowLeft'), false],
    [key('c', { control: true }), false],
    [key('v', { control: true }), false],
  ])('%o → blocked: %s', (input, blocked) => {
    expect(isBlockedKioskShortcut(input)).toBe(blocked);
  });
});

describe('shell settings', () => {
  it('fall back to safe defaults on anything malformed', () => {
    expect(parseShellSettings(undefined)).toEqual({
      kiosk: false,
      locale: 'id',
      surveyOnSecondDisplay: true,
    });
    expect(parseShellSettings({ kiosk: 'yes' })).toEqual({
      kiosk: false,
      locale: 'id',
      surveyOnSecondDisplay: true,
    });
    expect(parseShellSettings({ kiosk: true, locale: 'en' })).toMatchObject({
      kiosk: true,
      locale: 'en',
    });
    expect(parseShellSettings([true])).toMatchObject({ kiosk: false });
  });

  it('keep a kiosk desk locked when another setting is malformed', () => {
    expect(parseShellSettings({ kiosk: true, locale: 'jv', scanFolder: '' })).toEqual({
      kiosk: true,
      locale: 'id',
      surveyOnSecondDisplay: true,
    });
  });

  it('put the survey on a display other than the staff one, if there is one', () => {
    expect(pickSurveyDisplay([{ id: 1 }], 1)).toBeNull();
    expect(pickSurveyDisplay([{ id: 1 }, { id: 7 }], 1)).toEqual({ id: 7 });
    expect(pickSurveyDisplay([{ id: 7 }, { id: 1 }], 1)).toEqual({ id: 7 });
  });
});
