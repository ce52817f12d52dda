import { spawn } from 'node:child_process';
import { parseCapabilities, type ScannerCapabilities } from './scanner-capabilities';
import { faultOf, type ScannerFault } from './scanner-faults';

export interface ScannerDevice {
  name: string;
  vendor: string;
  model: string;
  type: string;
}

export interface PageRequest {
  device: string;
  /** One of the device's own mode names (see capabilities). */
  mode: string;
  resolution: number;
  /** 'feeder' takes the next sheet from the automatic document feeder. */
  source: 'flatbed' | 'feeder';
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Extra scanimage options for this page (the SANE test backend's fault switches, in tests). */
  extraArgs?: readonly string[];
}

export type PageOutcome = { ok: true; png: Buffer } | { ok: false; fault: ScannerFault };

export interface SaneScannerOptions {
  command?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * A scan that prints nothing for this long is stopped (default 60 s). scanimage can hang after
   * reporting a device error; what it said before is then the fault.
   */
  stallMs?: number;
}

/**
 * The desk scanner through SANE's `scanimage`. One process per page: a fault on sheet five
 * leaves the four already scanned in the caller's hands, and progress is reported per page.
 */
export class SaneScanner {
  private readonly command: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly stallMs: number;
  private readonly capabilitiesOf = new Map<string, ScannerCapabilities>();

  constructor(options: SaneScannerOptions = {}) {
    this.command = options.command ?? 'scanimage';
    this.env = options.env ?? process.env;
    this.stallMs = options.stallMs ?? 60_000;
  }

  async listDevices(): Promise<ScannerDevice[]> {
    // A separator that cannot occur in SANE names (they may contain ':').
    const result = await this.run(['-f', '%d\t%v\t%m\t%t%n']);
    if (result.code !== 0) return [];
    return result.stdout
      .toString('utf8')
      .split('\n')
      .filter((line) => line.includes('\t'))
      .map((line) => {
        const [name = '', vendor = '', model = '', type = ''] = line.split('\t');
        return { name, vendor, model, type };
      });
  }

  /** What the device offers; read once per device and kept (a device's options do not change). */
  async capabilities(device: string): Promise<ScannerCapabilities | null> {
    const known = this.capabilitiesOf.get(device);
    if (known) return known;
    const result = await this.run(['-d', device, '-A']);
    if (result.code !== 0) return null;
    const caps = parseCapabilities(result.stdout.toString('utf8'));
    this.capabilitiesOf.set(device, caps);
    return caps;
  }

  async scanPage(request: PageRequest): Promise<PageOutcome> {
    const caps = await this.capabilities(request.device);
    // Unreadable options (a busy or vanished device): scan anyway with SANE's standard feeder
    // name, and let scanimage's own answer say what is wrong.
    const source = caps
      ? caps.sources.find((s) => s.kind === request.source)
      : { name: request.source === 'feeder' ? 'Automatic Document Feeder' : null };
    if (!source) return { ok: false, fault: 'NO_FEEDER' };
    const args = [
      '-d',
      request.device,
      '--format=png',
      '--mode',
      request.mode,
      '--resolution',
      String(request.resolution),
      '--progress',
      ...(source.name !== null ? ['--source', source.name] : []),
      ...(request.extraArgs ?? []),
    ];
    const result = await this.run(args, request.onProgress, request.signal);
    if (result.aborted) return { ok: false, fault: 'CANCELLED' };
    if (result.code === 0 && result.stdout.length > 8) return { ok: true, png: result.stdout };
    return {
      ok: false,
      fault: result.missing ? 'SCANNER_NOT_FOUND' : faultOf(result.code, result.stderr),
    };
  }

  private run(
    args: string[],
    onProgress?: (percent: number) => void,
    signal?: AbortSignal,
  ): Promise<{
    code: number | null;
    stdout: Buffer;
    stderr: string;
    aborted: boolean;
    missing: boolean;
  }> {
    return new Promise((resolve) => {
      const child = spawn(this.command, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      let stderr = '';
      let aborted = false;
      let missing = false;
      const abort = () => {
        aborted = true;
        child.kill('SIGTERM');
      };
      signal?.addEventListener('abort', abort, { once: true });
      let stall: NodeJS.Timeout | undefined;
      const watch = () => {
        clearTimeout(stall);
        stall = setTimeout(() => child.kill('SIGKILL'), this.stallMs);
      };
      watch();
      child.stdout.on('data', (c: Buffer) => {
        watch();
        out.push(c);
      });
      child.stderr.on('data', (c: Buffer) => {
        watch();
        const text = c.toString();
        stderr += text;
        // scanimage rewrites one line with \r; a chunk may hold several updates, the last counts.
        const last = [...text.matchAll(/Progress: ([\d.]+)%/g)].at(-1);
        if (last && onProgress) onProgress(Number(last[1]));
      });
      child.on('error', () => {
        missing = true;
      });
      child.on('close', (code) => {
        clearTimeout(stall);
        signal?.removeEventListener('abort', abort);
        resolve({ code, stdout: Buffer.concat(out), stderr, aborted, missing });
      });
    });
  }
}
