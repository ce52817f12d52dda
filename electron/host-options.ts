/**
 * The flags and environment variables both hosts take (`npm start` / browser mode and the
 * Electron main process), parsed once into one validated shape so the desktop app never ignores
 * an option the README lists. No Node or Electron here: argv and env come in as plain values.
 */
import { z } from 'zod';

/** Flags that take a value: `--name VALUE` or `--name=VALUE`. */
const VALUE_FLAGS = [
  '--data-dir',
  '--port',
  '--host',
  '--scan-folder',
  '--survey-idle-seconds',
  '--lan-host',
  '--lan-port',
];
/** Flags that are on when present. */
const SWITCH_FLAGS = ['--browser', '--kiosk', '--hub', '--station'];

export const hostOptionsSchema = z.object({
  /** Browser mode even where Electron is available. */
  browser: z.boolean(),
  /** Start the staff window in kiosk mode (the installer's "start at login in kiosk mode"). */
  kiosk: z.boolean(),
  /** The data folder given on the command line or in LOKET_DATA_DIR; absent: the host's default. */
  dataDir: z.string().min(1).optional(),
  /** Browser mode's address. */
  host: z.string().min(1).max(253).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  /** The folder office scanners "scan to". */
  scanFolder: z.string().min(1).optional(),
  /** Seconds without a touch before the survey asks "still there?". */
  surveyIdleSeconds: z.coerce.number().int().min(1).max(3_600).optional(),
  /** Also serve paired stations on the LAN, at this address and port (both required). */
  hub: z
    .object({
      host: z.string().min(1).max(253),
      port: z.coerce.number().int().min(1).max(65_535),
    })
    .optional(),
  /** Run as a station of the hub named in the data folder's station.json. */
  station: z.boolean(),
});
export type HostOptions = z.infer<typeof hostOptionsSchema>;

/** A flag given with a value that is not one: one line naming the flag, for the console or a dialog. */
export class HostOptionsError extends Error {
  constructor(
    readonly flag: string,
    message = `Nilai opsi ${flag} tidak sah; lihat README bagian opsi. / Invalid value for ${flag}; see the README's options.`,
  ) {
    super(message);
    this.name = 'HostOptionsError';
  }
}

const FLAG_OF: Record<string, string> = {
  dataDir: '--data-dir',
  port: '--port',
  host: '--host',
  scanFolder: '--scan-folder',
  surveyIdleSeconds: '--survey-idle-seconds',
  hub: '--hub',
};

function readFlags(argv: readonly string[]): {
  values: Map<string, string>;
  switches: Set<string>;
} {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (SWITCH_FLAGS.includes(arg)) switches.add(arg);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(name)) continue; // Electron's and Chromium's own switches pass by
    if (eq > 0) values.set(name, arg.slice(eq + 1));
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new HostOptionsError(name);
      values.set(name, next);
      i++;
    }
  }
  return { values, switches };
}

/**
 * A flag wins over its environment variable; an empty variable counts as unset. Unknown flags are
 * left alone (Electron adds its own); a known flag with a bad value is refused, naming it.
 */
export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptions {
  const { values, switches } = readFlags(argv);
  const pick = (flag: string, envName?: string) =>
    values.get(flag) ?? (envName ? env[envName] || undefined : undefined);
  const parsed = hostOptionsSchema.safeParse({
    browser: switches.has('--browser'),
    kiosk: switches.has('--kiosk'),
    dataDir: pick('--data-dir', 'LOKET_DATA_DIR'),
    host: pick('--host'),
    port: pick('--port'),
    scanFolder: pick('--scan-folder', 'LOKET_SCAN_FOLDER'),
    surveyIdleSeconds: pick('--survey-idle-seconds', 'LOKET_SURVEY_IDLE_SECONDS'),
    hub: switches.has('--hub')
      ? { host: values.get('--lan-host'), port: values.get('--lan-port') }
      : undefined,
    station: switches.has('--station'),
  });
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? '');
    if (key === 'hub') {
      throw new HostOptionsError(
        '--hub',
        '--hub memerlukan --lan-host H (alamat LAN tempat hub mendengarkan) dan --lan-port N. / --hub needs --lan-host H (the LAN address to listen on) and --lan-port N.',
      );
    }
    throw new HostOptionsError(FLAG_OF[key] ?? key);
  }
  return parsed.data;
}
