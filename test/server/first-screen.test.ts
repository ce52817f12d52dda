import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../electron/core/api/dispatcher';
import { startsAtLoginVia } from '../../electron/server/first-screen';

const answering =
  (result: Awaited<ReturnType<Dispatch>>): Dispatch =>
  async () =>
    result;

describe("the host's first staff screen", () => {
  it('is the login once an administrator exists, else not', async () => {
    expect(
      await startsAtLoginVia(answering({ ok: true, value: { needsFirstAdmin: false } }))(),
    ).toBe(true);
    expect(
      await startsAtLoginVia(answering({ ok: true, value: { needsFirstAdmin: true } }))(),
    ).toBe(false);
  });

  it('is not the login when the core cannot say', async () => {
    const failed = answering({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
    expect(await startsAtLoginVia(failed)()).toBe(false);
  });
});
