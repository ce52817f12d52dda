/**
 * A hub with 20 idle stations connected (each holding its push stream, as a station does):
 * the hub process's CPU % and resident memory, sampled every 5 s over 10 minutes. Target: idle
 * CPU under 2 %, memory flat. Linux only (reads /proc).
 *
 * Run: npx tsx bench/lan-idle.ts [--minutes N]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hubMust, pairStation, spawnHub, type HubProcess } from '../test/helpers/lan-hub';
import { lanEvents, type EventStream } from '../test/helpers/lan-stream';

const args = process.argv.slice(2);
const minutesArg = args.indexOf('--minutes');
const MINUTES = minutesArg >= 0 ? Number(args[minutesArg + 1]) : 10;
const STATIONS = 20;
const SAMPLE_MS = 5000;
const CLOCK_TICKS = 100; // USER_HZ on Linux
const ADMIN = { fullName: 'Bench Admin', username: 'bench', pin: '135790' };

/** CPU seconds (user + system) and resident MiB of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return { cpuSeconds: ticks / CLOCK_TICKS, rssMiB: rssKiB / 1024 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-idle-'));
  let hub: HubProcess | null = null;
  const streams: EventStream[] = [];
  try {
    hub = await spawnHub(dir);
    const pid = hub.child.pid;
    if (pid === undefined) throw new Error('no hub pid');
    await hubMust(hub, 'setup.createFirstAdmin', ADMIN);
    const admin = (await hubMust<{ sessionToken: string }>(hub, 'auth.login', ADMIN)).sessionToken;
    for (let i = 1; i <= STATIONS; i++) {
      const { credential } = await pairStation(hub, admin, 'consultation', `Meja ${i}`);
      const stream = lanEvents(hub, credential);
      await stream.opened;
      streams.push(stream);
    }
    // Let start-up work (PDF worker, first housekeeping) settle before measuring idleness.
    await new Promise((r) => setTimeout(r, 10_000));
    const first = usage(pid);
    let previous = first;
    const rss: number[] = [first.rssMiB];
    const cpu: number[] = [];
    const end = Date.now() + MINUTES * 60_000;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
      const now = usage(pid);
      cpu.push(((now.cpuSeconds - previous.cpuSeconds) / (SAMPLE_MS / 1000)) * 100);
      rss.push(now.rssMiB);
      previous = now;
    }
    const last = usage(pid);
    const seconds = (MINUTES * 60_000) / 1000;
    const mean = ((last.cpuSeconds - first.cpuSeconds) / seconds) * 100;
    console.log(`hub with ${STATIONS} idle stations (push streams open), ${MINUTES} min:`);
    console.log(
      `  CPU mean ${mean.toFixed(2)} %, highest 5 s sample ${Math.max(...cpu).toFixed(2)} %`,
    );
    console.log(
      `  RSS start ${first.rssMiB.toFixed(1)} MiB, end ${last.rssMiB.toFixed(1)} MiB, min ${Math.min(...rss).toFixed(1)}, max ${Math.max(...rss).toFixed(1)} MiB`,
    );
    console.log(`  streams the hub holds: ${streams.length}`);
  } finally {
    for (const s of streams) s.close();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
