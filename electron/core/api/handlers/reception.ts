import type { receptionMethods } from '../../../../shared/api/methods/reception';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createReceptionHandlers(
  s: Services,
): Pick<Handlers, keyof typeof receptionMethods> {
  return {
    'visitor.search': (input) => s.visitors.find(input.query),
    'visit.checkIn': (input, caller) => s.visits.checkIn(actor(caller), input),
    // Read-only, as every poll of every screen runs it: housekeeping closes stale visits.
    'visit.listForDay': (input) => {
      const day = input.day ?? s.visits.today();
      return { day, visits: s.visits.listForDay(day) };
    },
    'visit.checkOut': (input, caller) => s.visits.checkOut(actor(caller), input.visitId),
    'register.export': async (input, caller) => {
      const day = input.day ?? s.visits.today();
      const file =
        input.format === 'csv'
          ? s.register.csv(day, caller.locale)
          : await s.register.xlsx(day, caller.locale);
      // The register holds visitors' contact details: who took a copy is part of the record.
      s.audit.record({
        actorId: actor(caller),
        action: 'register.export',
        entity: 'register',
        entityId: day,
        detail: { format: input.format },
      });
      return file;
    },
  };
}
