import {
  boardAudioSchema,
  DEFAULT_BOARD_AUDIO,
  type BoardAudio,
} from '../../../shared/domain/board-audio';
import type { AuditLog } from '../audit';
import type { Db } from '../db/open-database';

const KEY = 'board_audio';

/** How every waiting-room board of this desk speaks, kept with the desk's other settings. */
export class BoardAudioSettings {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.q = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM app_setting WHERE key = ?'),
      put: db.prepare<[string, string]>(
        `INSERT INTO app_setting (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    };
  }

  get(): BoardAudio {
    const row = this.q.get.get(KEY);
    if (!row) return DEFAULT_BOARD_AUDIO;
    // A value written by a newer version (or damaged) falls back to the defaults, never breaks.
    const parsed = boardAudioSchema.safeParse(safeJson(row.value));
    return parsed.success ? parsed.data : DEFAULT_BOARD_AUDIO;
  }

  save(actorId: number, audio: BoardAudio): BoardAudio {
    return this.db
      .transaction(() => {
        this.q.put.run(KEY, JSON.stringify(audio));
        this.audit.record({
          actorId,
          action: 'board.saveAudio',
          entity: 'setting',
          entityId: KEY,
          detail: audio,
        });
        return audio;
      })
      .immediate();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
