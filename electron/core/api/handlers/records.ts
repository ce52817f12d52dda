import type { recordsMethods } from '../../../../shared/api/methods/records';
import type { CheckInCorrection } from '../../../../shared/domain/correction';
import type { PersonChanges } from '../../reception/corrections';
import { recordScope } from '../../records/record-scope';
import { AppError } from '../../errors';
import type { Caller, Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

/** The form sends every field: what it leaves empty is cleared. */
function changesOf(input: CheckInCorrection): PersonChanges {
  return {
    fullName: input.fullName,
    phone: input.phone || undefined,
    email: input.email ?? null,
    institution: input.institution ?? null,
    visitorType: input.visitorType || null,
    lpse: input.lpse ?? null,
  };
}

const scopeOf = (caller: Caller) => recordScope(actor(caller), caller.roles);

export function createRecordsHandlers(s: Services): Pick<Handlers, keyof typeof recordsMethods> {
  return {
    'records.search': (input, caller) =>
      s.records.search.search({ staffId: actor(caller), roles: caller.roles }, input),
    'records.case': (input, caller) => {
      // Another officer's finished case: as if it did not exist for this caller.
      if (!scopeOf(caller).opensCase(s.records.cases.ownerOf(input.caseId)))
        throw new AppError('NOT_FOUND');
      return s.records.cases.get(input.caseId);
    },
    'records.visit': (input) => s.records.corrections.details(input.visitId),
    'visit.correct': (input, caller) =>
      s.records.corrections.correctCheckIn(actor(caller), input.visitId, changesOf(input)),
    'visit.cancel': (input, caller) =>
      s.records.corrections.cancelCheckIn(actor(caller), input.visitId, input.reason),
    'followup.closed': (input, caller) =>
      s.followUp.closed.list(
        input.all && caller.roles.includes('supervisor') ? undefined : actor(caller),
        input.before,
      ),
    'audit.filters': () => s.records.audit.filters(),
    'audit.list': (input) => {
      const { before, ...filter } = input;
      return s.records.audit.list(filter, before);
    },
    'audit.export': (input, caller) => {
      const file = s.records.audit.csv(input, caller.locale);
      // Reading the trail out is itself part of it.
      s.audit.record({
        actorId: actor(caller),
        action: 'audit.export',
        entity: 'audit',
        detail: { ...input },
      });
      return file;
    },
  };
}
