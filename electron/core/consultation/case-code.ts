/**
 * Case IDs: KS-<station>-<YYMMDD>-<NNN>, e.g. KS-7QF2-261124-003. Readable over the phone,
 * sortable by day, and unique across desks because each installation has its own station code.
 */
export function formatCaseCode(station: string, serviceDay: string, sequence: number): string {
  const yymmdd = serviceDay.slice(2).replaceAll('-', '');
  return `KS-${station}-${yymmdd}-${String(sequence).padStart(3, '0')}`;
}

export function caseCodePrefix(station: string, serviceDay: string): string {
  return formatCaseCode(station, serviceDay, 0).slice(0, -3);
}

/** The first string after every string that starts with `prefix`, for a range over the index. */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`;
}
