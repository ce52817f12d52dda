/**
 * What a scanner offers, read from `scanimage --device-name D --all-options`. Drivers name
 * their modes and sources as they like ("Gray", "True Gray", "24bit Color"; "ADF Front",
 * "Automatic Document Feeder"), so Loket offers the device's own words instead of assuming them.
 */
export interface ScannerCapabilities {
  /** The device's mode names, in its order. */
  modes: string[];
  /** The mode the officer most likely wants for documents: a gray one, else the device default. */
  preferredMode: string | null;
  /**
   * Where a sheet can come from, with the device's own `--source` value; null means the device
   * has no `--source` option and scans from its glass.
   */
  sources: { kind: 'flatbed' | 'feeder'; name: string | null }[];
  /** Resolutions offered to the officer, within what the device and Loket accept. */
  resolutions: number[];
}

/** Loket's range: below is unreadable, above makes files no desk workflow needs. */
const MIN_DPI = 75;
const MAX_DPI = 600;
const USUAL_DPI = [75, 100, 150, 200, 300, 400, 600];

const FEEDER = /adf|feeder|automatic|duplex/i;

export function parseCapabilities(allOptions: string): ScannerCapabilities {
  const option = (name: string): { values: string; current: string | null } | null => {
    const match = new RegExp(`^\\s*--${name}(?:\\[=\\(|\\s)(.*)$`, 'm').exec(allOptions);
    if (!match?.[1]) return null;
    const text = match[1].trim();
    const current = /\s\[([^\]]*)\]\s*$/.exec(text);
    const values = (current ? text.slice(0, current.index) : text).trim();
    return { values, current: current?.[1] ?? null };
  };

  const mode = option('mode');
  const modes = mode ? splitList(mode.values) : [];
  const gray = modes.find((m) => /gr[ae]y/i.test(m) && !/16/.test(m));
  const preferredMode =
    gray ?? (mode?.current && modes.includes(mode.current) ? mode.current : (modes[0] ?? null));

  const source = option('source');
  const names = source ? splitList(source.values) : [];
  const feeder =
    names.find((n) => FEEDER.test(n) && !/duplex|back/i.test(n)) ??
    names.find((n) => FEEDER.test(n));
  const glass = names.find((n) => !FEEDER.test(n));
  const sources: ScannerCapabilities['sources'] = [];
  if (!source || glass) sources.push({ kind: 'flatbed', name: glass ?? null });
  if (feeder) sources.push({ kind: 'feeder', name: feeder });

  return {
    modes,
    preferredMode,
    sources,
    resolutions: resolutionsOf(option('resolution')?.values),
  };
}

function splitList(values: string): string[] {
  return values
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** "75|150|300dpi" (a list) or "50..1200dpi (in steps of 1)" (a range). */
function resolutionsOf(values: string | undefined): number[] {
  if (!values) return [150];
  const range = /^(\d+)\.\.(\d+)\s*dpi/.exec(values);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return USUAL_DPI.filter((d) => d >= from && d <= to);
  }
  return splitList(values.replace(/dpi.*$/, ''))
    .map(Number)
    .filter((d) => Number.isInteger(d) && d >= MIN_DPI && d <= MAX_DPI);
}
