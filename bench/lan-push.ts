/**
 * Check-in at one station → visible on 5 consultation stations: the time from sending
 * `visit.checkIn` until each station has heard the pushed `change` and its follow-up
 * `queue.overview` has answered. Over loopback TLS (a hub process, stations paired on
 * 127.0.0.2), against the same on the hub PC's own loopback host (all-in-one). Pushed, never
 * polled. Target: p95 < 250 ms.
 *
 * Run: npx tsx bench/lan-push.ts [--rounds N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { currentNotice } from '../shared/domain/privacy-notice';
import {
  hubCall,
  hubMust,
  lanCall,
  pairStation,
  spawnHub,
  type HubProcess,
} from '../test/helpers/lan-hub';
import { lanEvents, loopbackEvents, type EventStream } from '../test/helpers/lan-stream';

const args = process.argv.slice(2);
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 50;
const STATIONS = 5;
const ADMIN = { fullName: 'Bench Admin', username: 'bench', pin: '135790' };
const OFFICER = { fullName: 'Bench Officer', username: 'officer', pin: '246802' };

const visitor = (n: number) => ({
  fullName: `Pengunjung ${n}`,
  phone: `0812${String(10_000_000 + n)}`,
  purpose: 'Konsultasi SPSE',
  noticeVersion: currentNotice().version,
  noticeDelivery: 'read_out' as const,
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Viewer {
  stream: EventStream;
  overview(): Promise<unknown>;
}

/** One round: check in, then wait for every viewer to hear it and reload its queue. */
async function measure(
  checkIn: (n: number) => Promise<unknown>,
  viewers: Viewer[],
  rounds: number,
): Promise<number[]> {
  const samples: number[] = [];
  let waiting: ((viewer: number) => void) | null = null;
  viewers.forEach((v, i) => v.stream.onEvent((e) => e === 'change' && waiting?.(i)));
  for (let n = 1; n <= rounds; n++) {
    const seen = new Set<number>();
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => {
      waiting = (i) => {
        if (seen.has(i)) return;
        seen.add(i);
        void viewers[i]?.overview().then(() => {
          samples.push(performance.now() - t0);
          if (samples.length === n * viewers.length) resolve();
        });
      };
    });
    await checkIn(n);
    await done;
    waiting = null;
    await new Promise((r) => setTimeout(r, 20));
  }
  return samples;
}

function report(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `${label}: n=${sorted.length} p50=${percentile(sorted, 50).toFixed(1)} ms p95=${percentile(sorted, 95).toFixed(1)} ms max=${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-lan-'));
  let hub: HubProcess | null = null;
  try {
    hub = await spawnHub(dir);
    const h = hub;
    await hubMust(h, 'setup.createFirstAdmin', ADMIN);
    const admin = (await hubMust<{ sessionToken: string }>(h, 'auth.login', ADMIN)).sessionToken;
    await hubMust(h, 'staff.create', { ...OFFICER, roles: ['officer', 'receptionist'] }, admin);

    // Over the LAN: one reception station, five consultation stations, each with a login.
    const reception = (await pairStation(h, admin, 'reception', 'Resepsionis')).credential;
    const login = async (credential: string) => {
      const r = await lanCall(h, credential, 'staff', 'auth.login', OFFICER);
      return (r.json.value as { sessionToken: string }).sessionToken;
    };
    const receptionSession = await login(reception);
    const lanViewers: Viewer[] = [];
    for (let i = 1; i <= STATIONS; i++) {
      const credential = (await pairStation(h, admin, 'consultation', `Meja ${i}`)).credential;
      const session = await login(credential);
      const stream = lanEvents(h, credential);
      await stream.opened;
      lanViewers.push({
        stream,
        overview: () => lanCall(h, credential, 'staff', 'queue.overview', {}, { session }),
      });
    }
    const lan = await measure(
      (n) =>
        lanCall(h, reception, 'staff', 'visit.checkIn', visitor(n), { session: receptionSession }),
      lanViewers,
      ROUNDS,
    );
    for (const v of lanViewers) v.stream.close();

    // All-in-one: the same calls and streams on the hub PC's own loopback host.
    const local: Viewer[] = [];
    for (let i = 0; i < STATIONS; i++) {
      const session = (await hubMust<{ sessionToken: string }>(h, 'auth.login', OFFICER))
        .sessionToken;
      const stream = loopbackEvents(h, session);
      await stream.opened;
      local.push({ stream, overview: () => hubCall(h, 'queue.overview', {}, session) });
    }
    const all = await measure(
      (n) => hubCall(h, 'visit.checkIn', visitor(10_000 + n), admin),
      local,
      ROUNDS,
    );
    for (const v of local) v.stream.close();

    console.log(`check-in → seen on ${STATIONS} consultation screens, ${ROUNDS} check-ins:`);
    report('  hub + stations (loopback TLS)', lan);
    report('  all-in-one (loopback HTTP)   ', all);
  } finally {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
