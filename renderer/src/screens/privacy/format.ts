import { formatTimeWib, serviceDayOf } from '../../../../shared/time';

/** "2026-11-24 09.00 WIB": a day and a time, as every list of this screen shows them. */
export function whenWib(iso: string, lang: string): string {
  return `${serviceDayOf(new Date(iso))} ${formatTimeWib(iso, lang)} WIB`;
}

export type Message = { kind: 'success' | 'error'; text: string } | null;
