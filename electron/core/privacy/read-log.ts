import type { ReadEntity } from '../../../shared/api/methods/method';
import { undurably } from '../db/deferred-work';
import type { Db } from '../db/open-database';

/** The records a call read, named by id only (never their content), as the method declares. */
export function readSubjects(
  entity: ReadEntity,
  input: unknown,
  output: unknown,
): (string | null)[] {
  const key = `${entity}Id`;
  if (entity === 'register' || entity === 'report') {
    const i = (input ?? {}) as Record<string, unknown>;
    if (typeof i.day === 'string') return [i.day];
    if (typeof i.from === 'string' && typeof i.to === 'string') return [`${i.from}..${i.to}`];
    return [null];
  }
  const own = (input as Record<string, unknown> | null)?.[key];
  if (typeof own === 'number') return [String(own)];
  if (Array.isArray(output)) {
    return output
      .map((item) => (item as Record<string, unknown> | null)?.[key])
      .filter((v): v is number => typeof v === 'number')
      .map(String);
  }
  return [null];
}

export interface ReadEvent {
  method: string;
  entity: ReadEntity;
  input: unknown;
  output: unknown;
  staffId: number | null;
  stationId: number | undefined;
}

/** Who viewed whose details (Pasal 31 and the "kapan dan bagaimana" of a breach, Pasal 46). */
export class ReadLog {
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare<[string, number | null, number | null, string, string, string | null]>(
      `INSERT INTO read_log (at, staff_id, station_id, method, entity, entity_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  record(e: ReadEvent): void {
    const at = this.now().toISOString();
    const subjects = readSubjects(e.entity, e.input, e.output);
    // A search that found nobody still says that someone searched.
    const rows = subjects.length === 0 ? [null] : subjects;
    // Written before the answer leaves, synced a moment later: by the checkpointer (every 250 ms)
    // or the next durable commit. A sync of its own made every search, a keystroke's, wait for
    // the disk: up to 30 ms with nothing else running (bench/housekeeping-stall.ts). A power cut
    // within that moment loses the entry, and the screen that showed the answer with it.
    undurably(this.db, () => {
      for (const id of rows) {
        this.insert.run(at, e.staffId, e.stationId ?? null, e.method, e.entity, id);
      }
    });
  }
}
