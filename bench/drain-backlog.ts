/**
 * Drains a backlog of escalated cases, each with 3 documents, into a real Request Tracker 5:
 * Loket's sync worker against a plain script that posts the same tickets straight to RT, and the
 * host's memory during the drain. Needs root (RT runs as www-data) and Debian's RT packages
 * (test/setup/install-system-deps.sh).
 * Run: npx tsx bench/drain-backlog.ts [--cases 1000] [--only loket|plain] [--clean]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AttachmentStore } from '../electron/core/attachments/attachment-store';
import { AuditLog } from '../electron/core/audit';
import { CaseService } from '../electron/core/consultation/cases';
import { openDatabase } from '../electron/core/db/open-database';
import { ticketPayload } from '../electron/core/sync/connectors/rt-ticket-payload';
import { RtWebSession } from '../electron/core/sync/connectors/rt-web-session';
import { buildTicketDraft } from '../electron/core/sync/ticket-draft';
import { escalateCase } from '../test/helpers/escalate';
import { startRt, type RtInstance } from '../test/helpers/rt/rt-instance';
import { LOKET_QUEUE, rtAdmin } from '../test/helpers/rt/rt-setup';
import { startWithAdmin } from '../test/helpers/temp-core';

const args = process.argv.slice(2);
const CASES = Number(args[args.indexOf('--cases') + 1] ?? 1000) || 1000;
const CONCURRENCY = 2; // the sync worker's default: one per core of a desk machine
const root = join(import.meta.dirname, '.data', 'drain-backlog');
if (args.includes('--clean')) rmSync(root, { recursive: true, force: true });
const backlogDir = join(root, `backlog-${CASES}`);

/** A PNG's signature and header, then one data chunk of noise: enough for the type check. */
function pngOf(size: number): Buffer {
  const head = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000001000000010008060000005c72a866',
    'hex',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(size);
  return Buffer.concat([head, length, Buffer.from('IDAT'), randomBytes(size + 4)]);
}

/** What an officer attaches: a scanned business licence, a screenshot, a photo of an error. */
function documents(): { name: string; bytes: Buffer }[] {
  return [
    {
      name: 'nib-scan.pdf',
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(220_000)]),
    },
    { name: 'tangkapan-layar.png', bytes: pngOf(130_000) },
    {
      name: 'foto-galat.jpg',
      bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(100_000)]),
    },
  ];
}

async function buildBacklog(): Promise<void> {
  if (existsSync(join(backlogDir, 'done'))) return;
  rmSync(backlogDir, { recursive: true, force: true });
  mkdirSync(backlogDir, { recursive: true });
  const started = performance.now();
  const t = await startWithAdmin({ dataDir: join(backlogDir, 'data') });
  for (let i = 1; i <= CASES; i++) {
    await escalateCase(t, {
      fullName: `Pengunjung Antrean ${i}`,
      phone: `0813${String(10_000_000 + i)}`,
      email: `antrean${i}@contoh.id`,
      description: `Kasus antrean nomor ${i}: paket tidak muncul di daftar`,
      documents: documents(),
    });
  }
  t.close();
  mkdirSync(join(backlogDir, 'done'));
  console.log(
    `backlog of ${CASES} cases built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function freshRt(): Promise<RtInstance> {
  const rt = await startRt();
  await rtAdmin(rt).setup();
  return rt;
}

async function ticketsInRt(rt: RtInstance): Promise<number> {
  const query = encodeURIComponent(`Queue = '${LOKET_QUEUE}'`);
  return Number((await rtAdmin(rt).call('GET', `/tickets?query=${query}&per_page=1`)).json.total);
}

interface HostFigures {
  backlog: number;
  seconds: number;
  tickets: number;
  baselineMb: number;
  peakMb: number;
  endMb: number;
}

async function drainWithLoket(): Promise<HostFigures & { inRt: number }> {
  const runDir = join(root, 'run-loket');
  rmSync(runDir, { recursive: true, force: true });
  cpSync(join(backlogDir, 'data'), runDir, { recursive: true });
  const rt = await freshRt();
  try {
    const host = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'drain-host.ts'),
        runDir,
        rt.baseUrl,
        rt.password,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (host.status !== 0) throw new Error(`drain host exited ${String(host.status)}`);
    const figures = JSON.parse(host.stdout.trim().split('\n').pop() ?? '{}') as HostFigures;
    return { ...figures, inRt: await ticketsInRt(rt) };
  } finally {
    await rt.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** The same tickets, posted by a script that only posts: no outbox, no lookup, no read-back. */
async function drainWithPlainScript(): Promise<{ seconds: number; inRt: number }> {
  const dataDir = join(backlogDir, 'data');
  const db = openDatabase(join(dataDir, 'loket.sqlite'));
  const cases = new CaseService(db, new AuditLog(db, () => new Date()), () => new Date());
  const store = new AttachmentStore(join(dataDir, 'attachments'));
  const ids = db.prepare('SELECT case_id FROM outbox ORDER BY id').pluck().all() as number[];
  const rt = await freshRt();
  try {
    // A script worth comparing with logs in once too, instead of paying RT's bcrypt per post.
    const session = new RtWebSession({
      webRoot: rt.baseUrl,
      username: rt.username,
      password: rt.password,
      timeoutMs: 30_000,
    });
    const auth = `Basic ${Buffer.from(`${rt.username}:${rt.password}`).toString('base64')}`;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        const draft = await buildTicketDraft(cases.get(ids[i]!), (sha) => store.read(sha));
        const res = await fetch(`${rt.baseUrl}/REST/2.0/ticket`, {
          method: 'POST',
          headers: {
            ...(await session.headers()),
            Authorization: auth,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(ticketPayload(draft, LOKET_QUEUE)),
        });
        await res.text();
        if (res.status !== 201) throw new Error(`plain post: ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    return { seconds, inRt: await ticketsInRt(rt) };
  } finally {
    db.close();
    await rt.stop();
  }
}

await buildBacklog();
// `--only loket` or `--only plain` runs one side, to look into it (DRAIN_DEBUG=1 prints memory).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const plain = only === 'loket' ? null : await drainWithPlainScript();
if (plain) {
  console.log(
    `plain script: ${plain.seconds.toFixed(1)} s, ${(CASES / plain.seconds).toFixed(2)} tickets/s, ${plain.inRt} tickets in RT`,
  );
}
const loket = only === 'plain' ? null : await drainWithLoket();
if (loket) {
  console.log(
    `Loket:        ${loket.seconds.toFixed(1)} s, ${(CASES / loket.seconds).toFixed(2)} tickets/s, ` +
      `${loket.inRt} tickets in RT, ${loket.tickets} cases linked`,
  );
  console.log(
    `host memory: ${loket.baselineMb} MB before, peak ${loket.peakMb} MB, ${loket.endMb} MB after (target flat, < 200 MB)`,
  );
}
if (plain && loket) {
  console.log(
    `ratio Loket / plain: ${(loket.seconds / plain.seconds).toFixed(2)}x (target within 1.2x)`,
  );
}
const counts = [plain?.inRt, loket?.inRt, loket?.tickets].filter((n) => n !== undefined);
if (counts.some((n) => n !== CASES)) {
  console.error('ticket counts differ from the backlog: exactly one ticket per case expected');
  process.exitCode = 1;
}
