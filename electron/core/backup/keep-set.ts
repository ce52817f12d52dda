import { serviceDayOf } from '../../../shared/time';

export interface KeepRule {
  /** The newest backup of each of this many most recent days that have one. */
  daily: number;
  /** The newest backup of each of this many most recent weeks (Monday to Sunday, WIB). */
  weekly: number;
}

export interface DatedSet {
  id: string;
  createdAt: string;
}

/** Monday of the WIB week a service day falls in. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function newestPer(sets: DatedSet[], bucket: (s: DatedSet) => string, count: number): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const s of sets) {
    const b = bucket(s);
    if (seen.has(b)) continue;
    seen.add(b);
    if (seen.size > count) break;
    kept.push(s.id);
  }
  return kept;
}

/**
 * Which backups the admin's rule keeps (the newest one always): the rest may be deleted. Days
 * and weeks are counted over the backups there are, not the calendar, so a desk closed for a
 * holiday still keeps its seven last daily backups.
 */
export function backupsToKeep(sets: readonly DatedSet[], rule: KeepRule): Set<string> {
  const newestFirst = [...sets].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const day = (s: DatedSet) => serviceDayOf(new Date(s.createdAt));
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].id);
  for (const id of newestPer(newestFirst, day, rule.daily)) keep.add(id);
  for (const id of newestPer(newestFirst, (s) => weekOf(day(s)), rule.weekly)) keep.add(id);
  return keep;
}
