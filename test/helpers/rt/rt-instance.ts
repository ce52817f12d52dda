import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupLoketQueue, type LoketQueueSetup } from './rt-setup';

/**
 * An isolated Request Tracker 5 (Debian's packages) for tests: its own SQLite database, port and
 * configuration, nothing in /etc touched (shared/recipes.md, "Request Tracker 5"). The first
 * start initialises a database and keeps a pristine copy; later starts copy it (~2 s, not ~5 s).
 */
export interface RtInstance {
  baseUrl: string;
  username: 'root';
  password: string;
  /** Stops the server and all its workers, and deletes its files. */
  stop(): Promise<void>;
  /** Creates the queue 'Loket Escalations' and Loket's custom fields, applied to it. */
  setup(): Promise<LoketQueueSetup>;
  /** A new auth token for root, for `Authorization: token …`. */
  createToken(): string;
}

const RT_LIB = '/usr/share/request-tracker5/lib';
const SETUP_DATABASE = '/usr/sbin/rt-setup-database-5';
const SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const CACHE_DIR = join(tmpdir(), 'loket-rt-cache');
const PASSWORD = 'loket-test-pass';
const START_TIMEOUT_MS = 60_000;

export function rtInstalled(): boolean {
  return existsSync(SETUP_DATABASE) && existsSync(SERVER);
}

export async function startRt(): Promise<RtInstance> {
  if (!rtInstalled()) {
    throw new Error(
      'Request Tracker 5 is not installed: run test/setup/install-system-deps.sh as root',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'loket-rt-'));
  try {
    copyFileSync(pristineDatabase(), join(dir, 'rtdb'));
    // The port is free when picked but may be taken before RT binds it: try another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      writeConfig(dir, port);
      chownToWwwData(dir);
      const server = await startServer(dir, port).catch((err: unknown) => {
        if (attempt < 3 && /in use/i.test(String(err))) return null;
        throw err;
      });
      if (server) return instance(dir, port, server);
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function instance(dir: string, port: number, server: ChildProcess): RtInstance {
  const baseUrl = `http://127.0.0.1:${port}`;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // the group is already gone
    }
  };
  // A test run that ends without stop() must not leave RT running.
  const killOnExit = () => {
    killGroup('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const rt: RtInstance = {
    baseUrl,
    username: 'root',
    password: PASSWORD,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      const exited = new Promise((r) =>
        server.exitCode !== null ? r(null) : server.once('exit', r),
      );
      killGroup('SIGTERM');
      const firmly = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(firmly);
      killGroup('SIGKILL');
      await groupGone(server.pid!);
      rmSync(dir, { recursive: true, force: true });
    },
    setup: () => setupLoketQueue(rt),
    createToken: () => createToken(dir),
  };
  return rt;
}

function startServer(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    ...asWwwData(dir, SERVER, [
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--max-workers',
      '2',
    ]),
    // setpriv execs the server: this pid leads the group of the server and its workers.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  let spawnError: Error | null = null;
  server.once('error', (err) => (spawnError = err));
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const auth = `Basic ${Buffer.from(`root:${PASSWORD}`).toString('base64')}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  const ready = async (): Promise<ChildProcess> => {
    for (;;) {
      if (spawnError) throw spawnError;
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new Error(`Request Tracker exited while starting:\n${stderr}`);
      }
      try {
        const res = await fetch(`http://127.0.0.1:${port}/REST/2.0/rt`, {
          headers: { Authorization: auth },
          signal: AbortSignal.timeout(2000),
        });
        await res.arrayBuffer();
        if (res.status === 200) return server;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        try {
          process.kill(-server.pid!, 'SIGKILL');
        } catch {
          // gone
        }
        throw new Error(`Request Tracker did not answer within ${START_TIMEOUT_MS} ms:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return ready();
}

/** Waits until no process of the group is left (at most a few seconds). */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Initialised once per RT version; the copy is published whole, by rename. */
function pristineDatabase(): string {
  const pristine = join(CACHE_DIR, `rtdb-${rtVersion()}`);
  if (existsSync(pristine)) return pristine;
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'loket-rt-init-'));
  try {
    writeConfig(dir, 1);
    writeFileSync(join(dir, 'rootpw'), `${PASSWORD}\n`);
    chownToWwwData(dir);
    const args = ['--action', 'init', '--root-password-file', join(dir, 'rootpw')];
    const r = spawnSync(...asWwwData(dir, SETUP_DATABASE, args), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`rt-setup-database failed:\n${r.stdout}\n${r.stderr}`);
    const staging = `${pristine}.${process.pid}`;
    copyFileSync(join(dir, 'rtdb'), staging);
    renameSync(staging, pristine);
    return pristine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rtVersion(): string {
  const generated = readFileSync(join(RT_LIB, 'RT/Generated.pm'), 'utf8');
  const version = /\$VERSION\s*=\s*'([^']+)'/.exec(generated)?.[1] ?? 'unknown';
  return version.replace(/[^\w.+-]/g, '_');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
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
      // Else the API sits under /rt.
      "Set($WebPath, '');",
      "Set($WebDomain, '127.0.0.1');",
      `Set($WebPort, ${port});`,
      `Set($WebBaseURL, 'http://127.0.0.1:${port}');`,
      "Set($LogToSTDERR, 'error');",
      'Set($LogToSyslog, undef);',
      // Autoreplies to requestors go to a file, never to the machine's mail server.
      "Set($MailCommand, 'testfile');",
      '1;',
      '',
    ].join('\n'),
  );
}

function asWwwData(dir: string, command: string, args: string[]): [string, string[]] {
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
  ];
}

function chownToWwwData(path: string): void {
  const r = spawnSync('chown', ['-R', 'www-data:www-data', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`chown www-data failed (run as root): ${r.stderr}`);
}

/** RT 5.0.3 has no REST call that makes a token: RT's own API, run as the server's user. */
function createToken(dir: string): string {
  const perl = [
    `use lib '${RT_LIB}'; use RT; RT::LoadConfig(); RT::Init();`,
    "my $u = RT::CurrentUser->new(RT->SystemUser); $u->Load('root');",
    "my ($ok, $msg, $token) = RT::AuthToken->new($u)->Create(Owner => $u->Id, Description => 'loket test');",
    'die "$msg\\n" unless $ok; print $token;',
  ].join(' ');
  const r = spawnSync(...asWwwData(dir, 'perl', ['-e', perl]), { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout) throw new Error(`creating an RT token failed: ${r.stderr}`);
  return r.stdout.trim();
}
