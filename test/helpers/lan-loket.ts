import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** One Loket as `npm start` runs it on these machines (browser mode), as its own process. */
export interface LoketProcess {
  launchUrl: string;
  /** The loopback host's origin, e.g. http://127.0.0.3:41234. */
  url: string;
  launchToken: string;
  /** With --hub: where stations reach it and the fingerprint they pin. */
  hub?: { address: string; fingerprint: string };
  child: ChildProcess;
  /** The launch link it said last: a PC that paired since then opens its kind's screen. */
  currentLaunchUrl(): string;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts electron/start.ts with these flags; resolves once it says "ready". */
export async function startLoketProcess(
  dataDir: string,
  flags: readonly string[],
): Promise<LoketProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/start.ts', '--browser', '--data-dir', dataDir, ...flags],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Loket did not start:\n${out}`)), 40_000);
    const look = () => {
      const match = /ready: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    void exited.then((code) => reject(new Error(`Loket exited with ${code}:\n${out}`)));
  });
  const hubLine = /hub for stations: (\S+) SHA-256 (\S+)/.exec(out);
  const url = new URL(launchUrl);
  return {
    launchUrl,
    url: url.origin,
    launchToken: url.hash.replace('#token=', ''),
    ...(hubLine?.[1] && hubLine[2] && { hub: { address: hubLine[1], fingerprint: hubLine[2] } }),
    child,
    currentLaunchUrl: () => [...out.matchAll(/ready: (http:\/\/\S+)/g)].at(-1)?.[1] ?? launchUrl,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A port free on that address now (the hub keeps its LAN port across restarts). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

/** A call on a Loket's own loopback host, as its staff window makes it. */
export async function call(
  loket: Pick<LoketProcess, 'url' | 'launchToken'>,
  method: string,
  input: unknown,
  session?: string,
): Promise<Answer> {
  const res = await fetch(`${loket.url}/api/staff/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${loket.launchToken}`,
      ...(session !== undefined && { 'x-loket-session': session }),
    },
    body: JSON.stringify({ input }),
  });
  return (await res.json()) as Answer;
}

export async function must<T>(
  loket: Pick<LoketProcess, 'url' | 'launchToken'>,
  method: string,
  input: unknown,
  session?: string,
): Promise<T> {
  const answer = await call(loket, method, input, session);
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}
