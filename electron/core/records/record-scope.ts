import type { CaseStatus } from '../../../shared/domain/case';
import type { Role } from '../../../shared/domain/roles';

/** Escalated cases not yet confirmed with the visitor: any officer may take the call. */
const OPEN_AT_HELPDESK: readonly CaseStatus[] = ['escalated', 'backend_resolved'];

export interface RecordScope {
  staffId: number;
  /** Every visit of the guest book (reception and supervisors), not only the caller's own. */
  allVisits: boolean;
  /** Whether a case is listed to the caller at all. */
  seesCase(c: { officer_id: number; status: CaseStatus }): boolean;
  /** Whether the caller may open the case's whole record. */
  opensCase(c: { officer_id: number; status: CaseStatus }): boolean;
}

/**
 * Who sees which past records:
 * - a supervisor: every visit and every case;
 * - a receptionist: every visit of the guest book with its case numbers (as the register shows
 *   them), but no case's content;
 * - an officer: the visits they served and their own cases, and other officers' cases while
 *   they are open at the helpdesk (a colleague may take the confirmation call); another
 *   officer's finished case stays out of sight.
 */
export function recordScope(staffId: number, roles: readonly Role[]): RecordScope {
  const supervisor = roles.includes('supervisor');
  const officer = roles.includes('officer');
  const officerSees = (c: { officer_id: number; status: CaseStatus }) =>
    c.officer_id === staffId || OPEN_AT_HELPDESK.includes(c.status);
  return {
    staffId,
    allVisits: supervisor || roles.includes('receptionist'),
    seesCase: (c) => supervisor || roles.includes('receptionist') || (officer && officerSees(c)),
    opensCase: (c) => supervisor || (officer && officerSees(c)),
  };
}
