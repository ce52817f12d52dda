import { createHash, randomBytes, randomInt } from 'node:crypto';
import { PAIRING_ALPHABET, type PairResult } from '../../../shared/api/lan-protocol';
import type { StationView } from '../../../shared/api/methods/stations';
import type { StationKind } from '../../../shared/domain/station-kinds';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';
import { AppError } from '../errors';
import type { PairingThrottle } from './pairing-throttle';

/** A paired station as the LAN host sees it on each request. */
export interface StationIdentity {
  id: number;
  kind: StationKind;
  name: string;
}

export type StationLookup =
  | { ok: true; station: StationIdentity }
  | { ok: false; code: 'STATION_UNKNOWN' | 'STATION_REVOKED' };

export interface StationRegistryOptions {
  /** How long a pairing code stays valid (default 10 minutes). */
  codeLifetimeMs: number;
  throttle: PairingThrottle;
  hubName: () => string;
  /** A station's last-seen time, address and version are written at most this often. */
  seenWriteIntervalMs: number;
}

export const PAIRING_CODE_LIFETIME_MS = 10 * 60_000;
export const SEEN_WRITE_INTERVAL_MS = 60_000;

/** SHA-256 is enough for secrets that are random: nobody guesses 256 bits of a credential. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** As typed (`abcd-2345`, with spaces) → as hashed (`ABCD2345`). */
function normalisedCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** `ABCD2345` → `ABCD-2345`, as the admin reads it out and the station's screen asks for it. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The same statement the plan test asserts: each LAN request's credential, by index. */
export const STATION_BY_CREDENTIAL_SQL =
  'SELECT id, kind, name, revoked_at FROM station WHERE credential_hash = ?';

interface StationRow {
  id: number;
  name: string;
  kind: StationKind;
  address: string | null;
  loket_version: string | null;
  paired_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

/** The stations paired with this hub, their one-time pairing codes and their credentials. */
export class StationRegistry {
  private readonly q;
  private readonly lastWritten = new Map<number, { at: number; address: string }>();
  private readonly revokedListeners = new Set<(stationId: number) => void>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly options: StationRegistryOptions,
  ) {
    this.q = {
      insertCode: db.prepare<[string, string, number, string, string]>(
        'INSERT INTO pairing_code (code_hash, kind, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      liveCode: db.prepare<[string, string], { id: number; kind: StationKind; created_by: number }>(
        'SELECT id, kind, created_by FROM pairing_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
      ),
      useCode: db.prepare<[string, number, number]>(
        'UPDATE pairing_code SET used_at = ?, station_id = ? WHERE id = ? AND used_at IS NULL',
      ),
      insertStation: db.prepare<[string, string, string, string, number, string, string, string]>(
        `INSERT INTO station (name, kind, credential_hash, paired_at, paired_by, address, loket_version, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byCredential: db.prepare<
        [string],
        { id: number; kind: StationKind; name: string; revoked_at: string | null }
      >(STATION_BY_CREDENTIAL_SQL),
      byId: db.prepare<[number], StationRow>(
        `SELECT id, name, kind, address, loket_version, paired_at, last_seen_at, revoked_at
         FROM station WHERE id = ?`,
      ),
      list: db.prepare<[], StationRow>(
        `SELECT id, name, kind, address, loket_version, paired_at, last_seen_at, revoked_at
         FROM station ORDER BY revoked_at IS NOT NULL, name COLLATE NOCASE, id`,
      ),
      seen: db.prepare<[string, string, number]>(
        'UPDATE station SET last_seen_at = ?, address = ? WHERE id = ?',
      ),
      rename: db.prepare<[string, number]>('UPDATE station SET name = ? WHERE id = ?'),
      revoke: db.prepare<[string, number, number]>(
        'UPDATE station SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
      ),
    };
  }

  createPairingCode(
    kind: StationKind,
    adminId: number,
  ): { code: string; kind: StationKind; expiresAt: string } {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.options.codeLifetimeMs).toISOString();
    for (;;) {
      const code = newPairingCode();
      try {
        this.db.transaction(() => {
          this.q.insertCode.run(hashSecret(code), kind, adminId, now.toISOString(), expiresAt);
          this.audit.record({
            actorId: adminId,
            action: 'stations.pairing_code_created',
            entity: 'pairing_code',
            detail: { kind },
          });
        })();
        return { code: formatPairingCode(code), kind, expiresAt };
      } catch (err) {
        // A code ever issued before (about one in 10^12) is drawn again rather than reused.
        if (String(err).includes('UNIQUE')) continue;
        throw err;
      }
    }
  }

  /**
   * Trades a live code for a new station and its credential. A wrong, used or expired code
   * counts against the caller's address and everyone's; past the bound, PAIRING_THROTTLED.
   */
  pair(request: { code: string; name: string; version: string }, address: string): PairResult {
    const retryAfterSeconds = this.options.throttle.retryAfterSeconds(address);
    if (retryAfterSeconds > 0) {
      this.auditRefusal('throttled');
      throw new AppError('PAIRING_THROTTLED', { retryAfterSeconds });
    }
    const credential = randomBytes(32).toString('base64url');
    const now = this.now().toISOString();
    const paired = this.db
      .transaction(() => {
        const code = this.q.liveCode.get(hashSecret(normalisedCode(request.code)), now);
        if (!code) return null;
        const { lastInsertRowid } = this.q.insertStation.run(
          request.name,
          code.kind,
          hashSecret(credential),
          now,
          code.created_by,
          address,
          request.version,
          now,
        );
        const stationId = Number(lastInsertRowid);
        if (this.q.useCode.run(now, stationId, code.id).changes !== 1) return null;
        this.audit.record({
          actorId: null,
          action: 'stations.paired',
          entity: 'station',
          entityId: stationId,
          detail: { kind: code.kind },
        });
        return { stationId, kind: code.kind };
      })
      .immediate();
    if (!paired) {
      this.options.throttle.failed(address);
      this.auditRefusal('code');
      throw new AppError('PAIRING_CODE_INVALID');
    }
    return {
      stationId: paired.stationId,
      kind: paired.kind,
      name: request.name,
      hubName: this.options.hubName(),
      credential,
    };
  }

  /** The station a credential names; unknown and revoked ones are told apart for the message. */
  lookup(credential: string): StationLookup {
    const row = this.q.byCredential.get(hashSecret(credential));
    if (!row) return { ok: false, code: 'STATION_UNKNOWN' };
    if (row.revoked_at !== null) return { ok: false, code: 'STATION_REVOKED' };
    return { ok: true, station: { id: row.id, kind: row.kind, name: row.name } };
  }

  /** Last seen and address: written when the address changes, else once a minute at most. */
  noteSeen(stationId: number, address: string): void {
    const now = this.now().getTime();
    const last = this.lastWritten.get(stationId);
    if (last?.address === address && now - last.at < this.options.seenWriteIntervalMs) return;
    this.q.seen.run(new Date(now).toISOString(), address, stationId);
    this.lastWritten.set(stationId, { at: now, address });
  }

  get(stationId: number): StationView {
    const row = this.q.byId.get(stationId);
    if (!row) throw new AppError('NOT_FOUND');
    return view(row);
  }

  list(): StationView[] {
    return this.q.list.all().map(view);
  }

  rename(stationId: number, name: string, adminId: number): void {
    this.db.transaction(() => {
      if (this.q.rename.run(name, stationId).changes !== 1) throw new AppError('NOT_FOUND');
      this.audit.record({
        actorId: adminId,
        action: 'stations.rename',
        entity: 'station',
        entityId: stationId,
      });
    })();
  }

  revoke(stationId: number, adminId: number): void {
    const revoked = this.db.transaction(() => {
      this.get(stationId);
      const changed = this.q.revoke.run(this.now().toISOString(), adminId, stationId).changes;
      if (changed === 1) {
        this.audit.record({
          actorId: adminId,
          action: 'stations.revoke',
          entity: 'station',
          entityId: stationId,
        });
      }
      return changed === 1;
    })();
    if (revoked) for (const listener of this.revokedListeners) listener(stationId);
  }

  /** Told when a station is revoked: its open push stream must close at once. */
  onRevoked(listener: (stationId: number) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** A refused request is audited without who or where: the code and the address stay out. */
  auditRefusal(reason: 'code' | 'throttled'): void {
    this.audit.record({
      actorId: null,
      action: 'stations.pair_refused',
      entity: 'pairing_code',
      detail: { reason },
    });
  }
}

function view(row: StationRow): StationView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    version: row.loket_version,
    pairedAt: row.paired_at,
    lastSeenAt: row.last_seen_at,
    revoked: row.revoked_at !== null,
  };
}
