import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../../shared/time';

/** "Rabu, 2 Desember 2026 17.30 WIB": a backup's moment as staff read it. */
export function when(iso: string, lang: string): string {
  return `${formatDayLong(serviceDayOf(new Date(iso)), lang)} ${formatTimeWib(iso, lang)} WIB`;
}
