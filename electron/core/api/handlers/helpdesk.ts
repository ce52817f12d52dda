import type { helpdeskMethods } from '../../../../shared/api/methods/helpdesk';
import { AppError } from '../../errors';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createHelpdeskHandlers(s: Services): Pick<Handlers, keyof typeof helpdeskMethods> {
  return {
    'helpdesk.getSettings': () => s.helpdesk.get(),
    'helpdesk.saveSettings': (input, caller) => {
      const saved = s.helpdesk.save(input);
      s.audit.record({
        actorId: actor(caller),
        action: 'helpdesk.settings',
        entity: 'settings',
        entityId: 'helpdesk',
        detail: {
          kind: input.kind,
          url: input.url,
          ...(input.kind === 'rt' && { queue: input.queue, username: input.username }),
          secretChanged: input.secret !== undefined,
        },
      });
      s.sync.unblock();
      // Cases parked because the helpdesk was half set up are sent once the new setup passes.
      const connector = s.helpdesk.connector();
      if (connector) s.sync.checkSetupSoon(connector, actor(caller));
      return saved;
    },
    'helpdesk.checkSetup': async (_input, caller) => {
      const connector = s.helpdesk.connector();
      if (connector) return { problems: await s.sync.checkSetup(connector, actor(caller)) };
      return { problems: [{ code: s.helpdesk.setupProblem() ?? 'not_configured' }] };
    },
    'outbox.list': () =>
      s.outbox.list().map((e) => {
        const last = e.lastError
          ? (JSON.parse(e.lastError) as { kind?: string; detail?: string })
          : null;
        return {
          id: e.id,
          caseCode: e.caseCode,
          operation: e.operation,
          state: e.state,
          attempts: e.attempts,
          createdAt: e.createdAt,
          nextAttemptAt: e.nextAttemptAt,
          lastErrorKind: last ? (last.kind ?? 'protocol') : null,
          lastErrorDetail: last?.detail ?? null,
        };
      }),
    'outbox.retryNow': (input, caller) => {
      if (!s.outbox.retryNow(input.outboxId, s.now().toISOString()))
        throw new AppError('NOT_FOUND');
      s.audit.record({
        actorId: actor(caller),
        action: 'outbox.retryNow',
        entity: 'outbox',
        entityId: input.outboxId,
      });
      s.sync.unblock();
      void s.sync.runOnce();
      return { ok: true };
    },
    'sync.status': () => {
      const waiting = s.outbox.waiting();
      return {
        configured: s.helpdesk.connector() !== null,
        setupProblem: s.helpdesk.setupProblem(),
        blockedByCredentials: s.sync.health.blockedByCredentials,
        lastSuccessAt: s.sync.health.lastSuccessAt,
        lastErrorKind: s.sync.health.lastErrorKind,
        unreachableSince: s.sync.health.unreachableSince,
        oldestWaitingSince: waiting.oldestSince,
        waitingCount: waiting.count,
        parkedForSetup: waiting.parkedForSetup,
        lateAfterMinutes: s.helpdesk.get().lateAfterMinutes,
      };
    },
  };
}
