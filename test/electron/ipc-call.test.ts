import { afterEach, describe, expect, it } from 'vitest';
import {
  handleIpcCall,
  isKiosk,
  isMethodAllowedForWindow,
  openDisplaySchema,
  pageFor,
  pushTargets,
} from '../../electron/main/ipc-call';
import { WindowRegistry } from '../../electron/main/window-registry';
import type { Dispatch } from '../../electron/core/api/dispatcher';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

let t: TestCore;
afterEach(() => cleanup(t));

describe('window allow-lists', () => {
  it('let the staff window call staff methods and the survey window only survey methods', () => {
    expect(isMethodAllowedForWindow('staff', 'visit.checkIn')).toBe(true);
    expect(isMethodAllowedForWindow('survey', 'visit.checkIn')).toBe(false);
    expect(isMethodAllowedForWindow('survey', 'survey.submit')).toBe(true);
    expect(isMethodAllowedForWindow('staff', 'survey.submit')).toBe(false);
    expect(isMethodAllowedForWindow('staff', 'no.such.method')).toBe(false);
    expect(isMethodAllowedForWindow('staff', 'constructor')).toBe(false);
  });
});

describe('IPC calls', () => {
  it('reach the core for an allowed method', async () => {
    t = await startWithAdmin();
    const r = await handleIpcCall(
      t.core.dispatch,
      'staff',
      { method: 'auth.me', input: {}, sessionToken: t.token },
      'id',
    );
    expect(r).toMatchObject({ ok: true, value: { username: 'siti' } });
  });

  it('refuse a staff method from the survey window before the core sees it', async () => {
    t = await startWithAdmin();
    const seen: string[] = [];
    const spy: Dispatch = (method, input, ctx) => {
      seen.push(method);
      return t.core.dispatch(method, input, ctx);
    };
    const r = await handleIpcCall(
      spy,
      'survey',
      { method: 'staff.list', input: {}, sessionToken: t.token },
      'id',
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'WINDOW_NOT_ALLOWED', message: 'Tindakan ini tidak tersedia di layar ini.' },
    });
    expect(seen).toEqual([]);
  });

  it('refuse a window the main process does not know', async () => {
    t = await startWithAdmin();
    const registry = new WindowRegistry();
    registry.register(1, 'staff');
    registry.forget(1);
    const r = await handleIpcCall(
      t.core.dispatch,
      registry.kindOf(1),
      { method: 'auth.me', input: {} },
      'en',
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'WINDOW_NOT_ALLOWED',
        message: 'This action is not available on this screen.',
      },
    });
  });

  it.each([
    null,
    'auth.me',
    { method: 42 },
    { method: 'auth.me', extra: true },
    { method: 'x'.repeat(101) },
    { method: 'auth.me', sessionToken: 'y'.repeat(201) },
  ])('refuse a malformed message %#', async (message) => {
    t = await startWithAdmin();
    const r = await handleIpcCall(t.core.dispatch, 'staff', message, 'id');
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('window kinds as data in the Electron shell', () => {
  it('loads each kind at its renderer entry, and locks every visitor-facing kind', () => {
    expect(pageFor('staff')).toBe('index.html');
    expect(pageFor('survey', 'display=abc')).toBe('survey#display=abc');
    expect(pageFor('display', 'display=abc')).toBe('board#display=abc');
    expect(isKiosk('staff', false)).toBe(false);
    expect(isKiosk('staff', true)).toBe(true);
    expect(isKiosk('survey', false)).toBe(true);
    expect(isKiosk('display', false)).toBe(true);
  });

  it('opens only the display kinds on the second screen', () => {
    expect(openDisplaySchema.safeParse({ kind: 'display', displayToken: 't' }).success).toBe(true);
    expect(openDisplaySchema.safeParse({ kind: 'survey', displayToken: 't' }).success).toBe(true);
    expect(openDisplaySchema.safeParse({ kind: 'staff', displayToken: 't' }).success).toBe(false);
  });

  it('sends each window only the changes its kind hears', () => {
    const registry = new WindowRegistry();
    registry.register(1, 'staff');
    registry.register(2, 'survey');
    registry.register(3, 'display');
    expect(pushTargets(registry.entries(), { type: 'change', topics: ['queue', 'cases'] })).toEqual(
      [
        { id: 1, event: { type: 'change', topics: ['queue', 'cases'] } },
        { id: 3, event: { type: 'change', topics: ['queue'] } },
      ],
    );
    expect(pushTargets(registry.entries(), { type: 'change', topics: ['followup'] })).toEqual([
      { id: 1, event: { type: 'change', topics: ['followup'] } },
    ]);
    expect(pushTargets(registry.entries(), { type: 'resync' }).map((t) => t.id)).toEqual([1, 2, 3]);
  });
});
