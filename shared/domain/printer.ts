import { z } from 'zod';

/**
 * The slip printer of one PC: a thermal receipt printer on the network that takes ESC/POS on
 * TCP (port 9100 unless given), or none, when slips are PDFs for an ordinary printer.
 */
export const PRINTER_KINDS = ['pdf', 'thermal'] as const;
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];
export const paperWidthSchema = z.union([z.literal(58), z.literal(80)]);

/** `host` or `host:port`, a name or an IPv4 address (the ESC/POS library takes no IPv6). */
export const printerAddressSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,253}(:[1-9][0-9]{0,4})?$/, {
    error: 'validation.printerAddress',
  })
  .refine((a) => !/:\d+$/.test(a) || Number(a.slice(a.lastIndexOf(':') + 1)) <= 65535, {
    error: 'validation.printerAddress',
  });

export const printerSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pdf'), width: paperWidthSchema }).strict(),
  z
    .object({ kind: z.literal('thermal'), address: printerAddressSchema, width: paperWidthSchema })
    .strict(),
]);
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = { kind: 'pdf', width: 80 };
export const ESCPOS_PORT = 9100;

/** The host and port a thermal printer's address names. */
export function printerEndpoint(address: string): { host: string; port: number } {
  const [host = address, port] = address.split(':');
  return { host, port: port ? Number(port) : ESCPOS_PORT };
}
