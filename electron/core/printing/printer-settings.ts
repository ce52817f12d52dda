import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_PRINTER_SETTINGS,
  printerSettingsSchema,
  type PrinterSettings,
} from '../../../shared/domain/printer';

export const PRINTER_FILE = 'printer.json';

/**
 * The slip printer of this PC, in its own data folder: a station's printer is the station's,
 * never the hub's, so the setting is not in the (hub's) database. A missing or unreadable file
 * means "no thermal printer": slips are PDFs.
 */
export class PrinterSettingsFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, PRINTER_FILE);
  }

  read(): PrinterSettings {
    if (!existsSync(this.file)) return DEFAULT_PRINTER_SETTINGS;
    try {
      const parsed = printerSettingsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : DEFAULT_PRINTER_SETTINGS;
    } catch {
      return DEFAULT_PRINTER_SETTINGS;
    }
  }

  save(settings: PrinterSettings): PrinterSettings {
    const clean = printerSettingsSchema.parse(settings);
    // Written whole or not at all: a crash mid-write must not leave half a file.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(clean, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    return clean;
  }
}
