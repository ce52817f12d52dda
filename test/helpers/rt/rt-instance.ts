import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An isolated Request Tracker 5 (Debian's packages) for tests: its own SQLite database, port and
 * configuration, nothing in /etc touched (shared/recipes.md). The first start initialises a
 * database and keeps a pristine copy; later starts copy it (about 2 s instead of 5).
 */
export interface RtInstance {
  baseUrl: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

const CACHE = join(tmpdir(), 'loket-rt-cache');
const PASSWORD = 'loket-test-pass';
const SETUP = '/usr/sbin/rt-setup-database-5';
const SERVER = '/usr/share/request-tracker5/libexec/rt-server';

export function rtInstalled(): boolean {
  return existsSync(SETUP) && existsSync(SERVER);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function writeConfig(dir: string, port: number): void {
  mkdirSync(join(dir, 'RT_SiteConfig.d'), { recursive: true });
  writeFileSync(join(dir, 'RT_SiteConfig.pm'), '1;\n');
  writeFileSync(
    join(dir, 'RT_SiteConfig.d', '50-test.pm'),
    [
      "Set($rtname, 'loket.test');",
      "Set($Organization, 'loket.test');",
      "Set($Timezone, 'UTC');",
      "Set($DatabaseType, 'SQLite');",
      `Set($DatabaseName, '${join(dir, 'rtdb')}');`,
      "Set($WebPath, '');",
      "Set($WebDomain, '127.0.0.1');",
      `Set($WebPort, ${port});`,
      `Set($WebBaseURL, 'http://127.0.0.1:${port}');`,
      "Set($LogToSTDERR, 'error');",
      'Set($LogToSyslog, undef);',
      "Set($MailCommand, 'testfile');",
      '1;',
      '',
    ].join('\n'),
  );
}

function asWwwData(dir: string, command: string, args: string[]) {
  return [
    'setpriv',
    [
      '--reuid=www-data',
      '--regid=www-data',
      '--init-groups',
      'env',
      `RT_SITE_CONFIG=${join(dir, 'RT_SiteConfig.pm')}`,
      `RT_SITE_CONFIG_DIR=${join(dir, 'RT_SiteConfig.d')}`,
      command,
      ...args,
    ],
  ] as const;
}

function chownAll(path: string): void {
  spawnSync('chown', ['-R', 'www-data:www-data', path]);
}

function pristineDatabase(): string {
  const pristine = join(CACHE, 'rtdb');
  if (existsSync(pristine)) return pristine;
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'loket-rt-init-'));
  writeConfig(dir, 1);
  writeFileSync(join(dir, 'rootpw'), `${PASSWORD}\n`);
  chownAll(dir);
  const [cmd, args] = asWwwData(dir, SETUP, [
    '--action',
    'init',
    '--root-password-file',
    join(dir, 'rootpw'),
  ]);
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rt-setup-database failed:\n${r.stdout}\n${r.stderr}`);
  // Two test files may initialise at once: publish the copy whole, by rename.
  const staging = `${pristine}.${process.pid}`;
  copyFileSync(join(dir, 'rtdb'), staging);
  renameSync(staging, pristine);
  rmSync(dir, { recursive: true, force: true });
  return pristine;
}

export async function startRt(): Promise<RtInstance> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'loket-rt-'));
  writeConfig(dir, port);
  copyFileSync(pristineDatabase(), join(dir, 'rtdb'));
  chownAll(dir);
  const [cmd, args] = asWwwData(dir, SERVER, [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--max-workers',
    '2',
  ]);
  const child: ChildProcess = spawn(cmd, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`root:${PASSWORD}`).toString('base64')}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/REST/2.0/rt`, { headers: { Authorization: auth } });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`Request Tracker did not start:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    username: 'root',
    password: PASSWORD,
    stop: async () => {
      // The server and its workers share a process group: stop them all, firmly if a worker
      // is still busy after a few seconds.
      const signal = (sig: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, sig);
        } catch {
          // already gone
        }
      };
      const exited = new Promise((r) =>
        child.exitCode !== null ? r(null) : child.once('exit', r),
      );
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      signal('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
