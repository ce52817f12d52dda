import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type Contract,
  type MethodName,
  type MethodOutput,
  type MethodSpec,
} from '../../../shared/api/contract';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import type { Topic } from '../../../shared/api/topics';
import type { Role, WindowKind } from '../../../shared/domain/roles';
import { STATION_KIND_SPECS, type StationKind } from '../../../shared/domain/station-kinds';
import { DEFAULT_LOCALE, translate, type Locale } from '../../../shared/i18n/messages';
import type { Access } from '../../../shared/api/methods/method';
import { staffIdOf, type Session, type SessionStore } from '../auth/sessions';
import { AppError } from '../errors';
import { helpdeskErrorCode } from '../sync/connector-error-code';
import { ConnectorError } from '../sync/connectors/helpdesk-connector';
import type { WriteDurability } from '../db/log-sync';
import type { ReadEvent } from '../privacy/read-log';

/** Who is calling: the window kind is set by the host (IPC sender or HTTP route), never by the page. */
export interface CallContext {
  window: WindowKind;
  sessionToken?: string | undefined;
  locale?: Locale | undefined;
  /** A paired station the call came through (set by the LAN host); absent on this PC's own. */
  station?: CallStation | undefined;
}

export interface CallStation {
  id: number;
  kind: StationKind;
}

export interface Caller {
  staffId: number | null;
  roles: readonly Role[];
  sessionToken: string | undefined;
  locale: Locale;
  station?: CallStation | undefined;
}

/** What a staff member may act as here: at a station, their roles that its kind allows. */
export function rolesAt(roles: readonly Role[], station: CallStation | undefined): Role[] {
  if (!station) return [...roles];
  const allowed: readonly Role[] = STATION_KIND_SPECS[station.kind].roles;
  return roles.filter((r) => allowed.includes(r));
}

type Handler<M extends MethodName> = (
  input: z.output<Contract[M]['input']>,
  caller: Caller,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (
  method: string,
  input: unknown,
  ctx: CallContext,
) => Promise<ApiResult<unknown>>;

function failure(
  locale: Locale,
  code: ApiError['code'],
  extra: Partial<ApiError> = {},
): ApiResult<never> {
  const message = translate(locale, `errors.${code}`, { seconds: extra.retryAfterSeconds ?? '' });
  return { ok: false, error: { code, message, ...extra } };
}

/** Zod issues → field path → message key. Zod's own English defaults become a generic key. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    fields[path] = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return fields;
}

/**
 * One comparison for every kind of session: a display session may call exactly the methods
 * whose access names its display kind, a staff session the staff ones its roles allow.
 */
export function mayCall(
  access: Access,
  session: Session,
  roles: readonly Role[] = session.kind === 'staff' ? session.roles : [],
): boolean {
  if (access === 'public') return true;
  if (access === 'staff') return session.kind === 'staff';
  if ('display' in access) return session.kind === 'display' && session.display === access.display;
  return session.kind === 'staff' && access.some((r) => roles.includes(r));
}

export function createDispatcher(
  handlers: Handlers,
  sessions: SessionStore,
  logError: (err: unknown) => void,
  /** Turns a failure of the disk or the database file into its own refusal. */
  refusalFor: (err: unknown) => AppError | null = () => null,
  /** Told what a successful call changed (the contract's `changes`), after it committed. */
  changed: (topics: readonly Topic[]) => void = () => {},
  /** Told who read what, for methods that declare `reads`, before the result is returned. */
  readBy: (e: ReadEvent) => void = () => {},
  /**
   * Awaited before a call writes (it declares `changes`, or `reads` for its read-log entry):
   * a background write under way commits first (db/background-writes.ts).
   */
  beforeWrite: () => Promise<void> = () => Promise.resolve(),
  /**
   * A call that writes commits without a sync on this thread and answers once its commits are
   * on disk (db/log-sync.ts). Without it, each commit syncs as the connection is set up to.
   */
  durability: WriteDurability | null = null,
): Dispatch {
  return async (method, rawInput, ctx) => {
    const locale = ctx.locale ?? DEFAULT_LOCALE;
    if (!isMethodName(method)) return failure(locale, 'UNKNOWN_METHOD');
    const spec: MethodSpec = contract[method];
    if (!(spec.windows as readonly WindowKind[]).includes(ctx.window)) {
      return failure(locale, 'WINDOW_NOT_ALLOWED');
    }

    let caller: Caller = {
      staffId: null,
      roles: [],
      sessionToken: undefined,
      locale,
      station: ctx.station,
    };
    if (spec.access !== 'public') {
      // A screen's timer keeps nobody logged in: only what a user does refreshes the session.
      const session = sessions.touch(ctx.sessionToken, { refresh: spec.poll !== true });
      if (!session) return failure(locale, 'UNAUTHENTICATED');
      // A session is good only where it was made: at one station, or on this PC's own host.
      if (session.stationId !== ctx.station?.id) return failure(locale, 'UNAUTHENTICATED');
      // At a station a staff member acts only in the roles its kind allows; a display in none.
      const roles = session.kind === 'staff' ? rolesAt(session.roles, ctx.station) : [];
      if (!mayCall(spec.access, session, roles)) return failure(locale, 'FORBIDDEN');
      caller = {
        // A display acts for the staff member who opened it (if any), with none of their roles.
        staffId: staffIdOf(session),
        roles,
        sessionToken: ctx.sessionToken,
        locale,
        station: ctx.station,
      };
    }

    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success)
      return failure(locale, 'VALIDATION', { fields: fieldErrors(parsed.error) });

    try {
      const handler = handlers[method] as (input: unknown, caller: Caller) => unknown;
      if (spec.changes) await beforeWrite();
      const run = () => handler(parsed.data, caller);
      const durable = spec.changes ? durability : null;
      // Only the part that runs before the handler's first await is unsynced: what it writes
      // later, and what other calls write meanwhile, commits as the connection is set up.
      const value: unknown = await (durable ? durable.unsynced(run) : run());
      await durable?.synced();
      const result = { ok: true as const, value: spec.output.parse(value) };
      // One place for every read of personal data, so no handler can forget it; a read that
      // cannot be logged is not returned.
      if (spec.reads) {
        await beforeWrite();
        readBy({
          method,
          entity: spec.reads,
          input: parsed.data,
          output: result.value,
          staffId: caller.staffId,
          stationId: ctx.station?.id,
        });
      }
      if (spec.changes) changed(spec.changes);
      return result;
    } catch (err) {
      if (err instanceof AppError) return failure(locale, err.code, err.details);
      if (err instanceof ConnectorError) return failure(locale, helpdeskErrorCode(err.kind));
      const refusal = refusalFor(err);
      logError(err);
      if (refusal) return failure(locale, refusal.code);
      return failure(locale, 'INTERNAL');
    }
  };
}
