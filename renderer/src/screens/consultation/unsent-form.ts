/**
 * What the officer typed but the core has not stored yet, kept in this tab's session storage:
 * a reload or a re-login after "Sesi Anda berakhir" within the autosave's delay finds it again.
 * Cleared once the core has the same values, and never kept for a closed case.
 */
const key = (caseId: number) => `loket.unsentCaseForm.${caseId}`;

export function readUnsentForm(caseId: number): Record<string, unknown> | null {
  const raw = sessionStorage.getItem(key(caseId));
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function keepUnsentForm(caseId: number, values: unknown): void {
  sessionStorage.setItem(key(caseId), JSON.stringify(values));
}

export function forgetUnsentForm(caseId: number): void {
  sessionStorage.removeItem(key(caseId));
}
