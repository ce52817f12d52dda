import { afterEach, describe, expect, it } from 'vitest';
import type { Topic } from '../../shared/api/topics';
import { cleanup, startWithAdmin, type TestCore } from '../helpers/temp-core';

describe('the change feed', () => {
  let t: TestCore | undefined;
  afterEach(async () => {
    await cleanup(t);
    t = undefined;
  });

  it("announces a committed call's topics, and nothing for a refused or read-only call", async () => {
    t = await startWithAdmin();
    const seen: Topic[][] = [];
    t.core.changes.subscribe((topics) => seen.push([...topics]));

    await t.must('staff.list', {});
    expect(seen).toEqual([]);
    const refused = await t.call('staff.create', {
      username: '',
      fullName: '',
      roles: [],
      pin: '1',
    });
    expect(refused.ok).toBe(false);
    expect(seen).toEqual([]);

    await t.must('staff.create', {
      username: 'resepsionis',
      fullName: 'Dewi Lestari',
      roles: ['receptionist'],
      pin: '246813',
    });
    expect(seen).toEqual([['staff']]);
  });

  it('keeps announcing to the others when one listener throws', async () => {
    t = await startWithAdmin();
    const seen: Topic[][] = [];
    t.core.changes.subscribe(() => {
      throw new Error('a closed stream');
    });
    t.core.changes.subscribe((topics) => seen.push([...topics]));
    t.core.changes.publish(['queue']);
    t.core.changes.publish(['queue']);
    expect(seen).toEqual([['queue'], ['queue']]);
    expect(t.core.changes.size).toBe(1);
  });
});
