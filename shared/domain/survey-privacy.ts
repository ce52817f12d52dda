/**
 * What keeps a survey answer from being traced back to a visitor (issue 14.5): an answer is
 * stored with its month only, and a group of answers (an officer, a category, a month) is
 * shown only when enough people answered in it that no one answer can be picked out.
 */
export const MIN_GROUP_RESPONDENTS = 5;

/** "2026-11-24" → "2026-11". */
export function serviceMonthOf(serviceDay: string): string {
  return serviceDay.slice(0, 7);
}

/** Whether a group's figures may be shown. */
export function showableGroup(respondents: number): boolean {
  return respondents >= MIN_GROUP_RESPONDENTS;
}
