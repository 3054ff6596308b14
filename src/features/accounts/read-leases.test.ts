import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/support/engines.js';
import { batchFor, ReadLeases } from './read-leases.js';

describe('batchFor', () => {
  it('caps leases at a twentieth of the limit, at least one hit and at most fifty', () => {
    expect([batchFor(3), batchFor(600), batchFor(100_000)]).toEqual([1, 30, 50]);
  });
});

forEachEngine('leased read limits', (t) => {
  async function counted(key: string): Promise<number> {
    const row = await t.db.selectFrom('rate_limits').select('hits').where('key', '=', key).executeTakeFirst();
    return Number(row?.hits ?? 0);
  }

  it('never lets several instances together exceed the shared limit', async () => {
    const key = `test:${Math.random()}`;
    // Three app instances on one database, 600 reads a minute allowed in all.
    const instances = [new ReadLeases(t.db, 600), new ReadLeases(t.db, 600), new ReadLeases(t.db, 600)];
    let allowed = 0;
    for (let i = 0; i < 900; i++) if ((await instances[i % 3]!.take(key)).allowed) allowed += 1;
    expect(allowed).toBeLessThanOrEqual(600);
    // Leases not yet spent are lost to the other instances, at most one batch each.
    expect(allowed).toBeGreaterThanOrEqual(600 - 3 * batchFor(600));
    // The counter itself also holds each instance's last, refused lease.
    expect(await counted(key)).toBeLessThanOrEqual(600 + 3 * 2 * batchFor(600));
  });

  it('leases one hit first, then doubling batches, instead of one write per read', async () => {
    const key = `test:${Math.random()}`;
    const leases = new ReadLeases(t.db, 600);
    for (let i = 0; i < 32; i++) await leases.take(key);
    // Leases of 1, 2, 4, 8 and 16 hits serve 31 reads; the 32nd takes a full batch of 30.
    // Six writes for 32 reads; one write per read would have counted 32.
    expect(await counted(key)).toBe(61);
  });

  it('lets concurrent reads share one lease instead of each writing the shared row', async () => {
    const key = `test:${Math.random()}`;
    const leases = new ReadLeases(t.db, 600);
    const verdicts = await Promise.all(Array.from({ length: 32 }, () => leases.take(key)));
    expect(verdicts.every((v) => v.allowed)).toBe(true);
    // The same six writes (1, 2, 4, 8, 16, then 30) as 32 reads one after the other; 32 concurrent
    // writes of one hit each would have counted 32.
    expect(await counted(key)).toBe(61);
  });

  it('costs a short-lived instance (a test app, a restart) a single hit', async () => {
    const key = `test:${Math.random()}`;
    for (let i = 0; i < 5; i++) expect((await new ReadLeases(t.db, 600).take(key)).allowed).toBe(true);
    expect(await counted(key)).toBe(5);
  });

  it('refuses once the limit is spent, with the seconds left in the window', async () => {
    const key = `test:${Math.random()}`;
    const leases = new ReadLeases(t.db, 3);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await leases.take(key));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]!.retryAfter).toBeGreaterThan(0);
    expect(verdicts[3]!.retryAfter).toBeLessThanOrEqual(60);
  });
});
