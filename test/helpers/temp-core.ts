import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import type { SecretStore } from '../../electron/core/settings/secret-store';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';

export function tempDir(prefix = 'loket-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A settable clock, so that tests can cross midnight WIB or wait out a lock-out instantly. */
export class TestClock {
  constructor(public current: Date = new Date('2026-11-24T02:00:00Z')) {}
  now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestCore {
  core: Core;
  dataDir: string;
  clock: TestClock;
  /** Calls as a staff window, with the session token (if any) of the last `login`. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  callRaw(method: string, input: unknown, token?: string): Promise<ApiResult<unknown>>;
  /** Unwraps a successful call or throws with the error. */
  must<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  token: string | undefined;
  close(): void;
  /** The host's shutdown: waits for work in flight, then closes. */
  stop(): Promise<void>;
}

export interface TestCoreOptions {
  dataDir?: string;
  clock?: TestClock;
  /** Tests jump the clock by days; sessions outlive that unless a test is about expiry. */
  sessionIdleMs?: number;
  /** Where the helpdesk secret is kept (default: the private file in the data folder). */
  secretStore?: SecretStore;
  sessionMaxMs?: number;
  sessionsEndAtServiceDayEnd?: boolean;
  /** Where the core reports unexpected errors (default: nowhere, or stderr with LOKET_TEST_LOG). */
  logError?: (err: unknown) => void;
}

export function startTestCore(options: TestCoreOptions = {}): TestCore {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new TestClock();
  const core = createCore({
    dataDir,
    now: clock.now,
    sessionIdleMs: options.sessionIdleMs ?? 30 * 24 * 3600_000,
    ...(options.secretStore && { secretStore: options.secretStore }),
    sessionMaxMs: options.sessionMaxMs ?? 365 * 24 * 3600_000,
    sessionsEndAtServiceDayEnd: options.sessionsEndAtServiceDayEnd ?? false,
    logError: options.logError ?? (process.env.LOKET_TEST_LOG ? (e) => console.error(e) : () => {}),
  });
  return testCoreOf(core, dataDir, clock);
}

/** The test helpers around a core some host built (browser mode, say). */
export function testCoreOf(core: Core, dataDir: string, clock = new TestClock()): TestCore {
  const t: TestCore = {
    core,
    dataDir,
    clock,
    token: undefined,
    callRaw: (method, input, token) =>
      t.core.dispatch(method, input, { window: 'staff', sessionToken: token ?? t.token }),
    call: async (method, input) =>
      (await t.callRaw(method, input)) as ApiResult<MethodOutput<typeof method>>,
    must: async (method, input) => {
      const result = await t.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    close: () => t.core.close(),
    stop: () => t.core.stop(),
  };
  return t;
}

export const ADMIN = { fullName: 'Siti Rahayu', username: 'siti', pin: '135790' };

/** A core with a first administrator (all roles) logged in. */
export async function startWithAdmin(options: TestCoreOptions = {}): Promise<TestCore> {
  const t = startTestCore(options);
  await t.must('setup.createFirstAdmin', ADMIN);
  const { sessionToken } = await t.must('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
  t.token = sessionToken;
  return t;
}

/**
 * Stops and deletes a test core (as a host shuts down: work in flight finishes first); a test
 * that never started one is fine too. Awaiting it is optional: the database closes at once
 * when nothing is in flight.
 */
export async function cleanup(t: TestCore | undefined): Promise<void> {
  if (!t) return;
  await t.stop();
  rmSync(t.dataDir, { recursive: true, force: true });
}
