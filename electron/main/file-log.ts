/**
 * The desktop app's log: the same `logError` the core reports to, written to a file that rotates
 * by size (loket.log, then loket.log.1 … loket.log.N, oldest dropped), so a desk PC running for
 * months never fills its disk. Lines carry no personal data: e-mail addresses, phone numbers,
 * NIK and other long digit runs are masked before a line is written. An error's message may
 * repeat what a visitor typed or a backend answered (a name, a file name): there, quoted text and
 * capitalised words are masked too, since an erasure cannot reach a log outside the data folder.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileLogOptions {
  dir: string;
  /** A file is rotated once it would grow past this (default 1 MiB). */
  maxBytes?: number;
  /** How many rotated files are kept besides the current one (default 5). */
  keep?: number;
  now?: () => Date;
}

export interface FileLog {
  readonly file: string;
  info(line: string): void;
  /** What the core's `logError` gets: an error or anything thrown. */
  error(err: unknown): void;
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
// Phone numbers (+62 812-3456-7890), NIK (16 digits), NPWP: any run of 6+ digits with separators.
const DIGIT_RUN = /\+?\d[\d\s().-]{4,}\d/g;

// Account names in paths (C:\\Users\\Budi Santoso\\…, /home/budi/…) are names of people too.
const HOME_PATH = /([\\/](?:Users|home)[\\/])[^\\/\n]+/g;

export function redact(text: string): string {
  return text
    .replace(HOME_PATH, '$1[user]')
    .replace(EMAIL, '[email]')
    .replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= 6 ? '[digits]' : run));
}

// Quoted text: a file, a ticket id or a sentence someone else wrote.
const QUOTED = /"[^"\n]*"|'[^'\n]*'|“[^”\n]*”|‘[^’\n]*’|`[^`\n]*`/g;
// A capitalised word: how names are written ("Budi Santoso", "CV Maju Jaya"). All-capital codes
// (SQLITE_IOERR, POST, RT) and the words runtime messages start with are kept.
const CAPITALISED = /(?<![\p{L}\p{N}_])\p{Lu}[\p{Ll}\p{M}]+[\p{L}\p{M}'-]*/gu;
const MESSAGE_WORDS = new Set(
  'Cannot Invalid Unexpected Failed No Not The Too Maximum Unknown Missing Error Request Response Timeout Connection Database'.split(
    ' ',
  ),
);

/** An error's message, with whatever may be a person's free text taken out. */
export function redactMessage(message: string): string {
  return redact(message)
    .replace(QUOTED, '[text]')
    .replace(CAPITALISED, (word) => (MESSAGE_WORDS.has(word) ? word : '[word]'));
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    const kind = (err as Error & { kind?: unknown }).kind;
    const tags = [code, kind].filter((t): t is string => typeof t === 'string');
    return `${err.name}${tags.map((t) => ` ${t}`).join('')}: ${redactMessage(err.message)}\n${err.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  }
  return redactMessage(String(err));
}

export function createFileLog(options: FileLogOptions): FileLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 5;
  const now = options.now ?? (() => new Date());
  const file = join(options.dir, 'loket.log');
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    renameSync(file, `${file}.1`);
  };

  const write = (level: 'INFO' | 'ERROR', text: string) => {
    const line = `${now().toISOString()} ${level} ${redact(text).trimEnd()}\n`;
    try {
      const size = existsSync(file) ? statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
    } catch (err) {
      // A log that cannot be written must never take the desk down with it.
      console.error('[loket] log not written:', err);
    }
  };

  return {
    file,
    info: (line) => write('INFO', line),
    error: (err) => write('ERROR', describe(err)),
  };
}
