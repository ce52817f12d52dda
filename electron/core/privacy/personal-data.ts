/**
 * Every personal field Loket stores, as data: retention (retention.ts) and erasure (erasure.ts)
 * both wipe what this list names and nothing else, and a test (test/core/privacy/
 * personal-data.test.ts) fails when the schema has a text column that is neither here nor in
 * NOT_PERSONAL, so a new column cannot be forgotten by either of them.
 */

/** Why a field is kept, and so how long (a retention setting per purpose). */
export const PURPOSES = ['guestBook', 'cases', 'documents'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * How a value is wiped:
 * - `null`, `empty`, `marker`: set to NULL, to '' (a NOT NULL phone), or to the marker text
 *   (a NOT NULL name or purpose): "(dianonimkan)" at retention, "(dihapus)" at erasure;
 * - `handTyped`: an LPSE name goes only where it was typed by hand; a directory LPSE is no one's;
 * - `noteRedaction`: append-only notes change only with a redaction record (migration 15);
 * - `auditRedaction`: an audit entry's detail becomes the redaction marker, nothing else;
 * - `documentRow`: the attachment row is deleted and its file removed from disk;
 * - `searchIndex`: derived from the visitor row by triggers; FTS5 secure-delete removes it.
 */
export type Wipe =
  | 'null'
  | 'empty'
  | 'marker'
  | 'handTyped'
  | 'noteRedaction'
  | 'auditRedaction'
  | 'documentRow'
  | 'searchIndex';

export interface PersonalField {
  table: string;
  column: string;
  purpose: Purpose;
  /** What it holds, for the register of processing and for reviewers. */
  holds: string;
  wipe: Wipe;
  /**
   * Typed by a person, so it may name someone else: erasure looks for the erased person's name,
   * phone and e-mail here in every row, not only in their own.
   */
  freeText?: true;
}

export const PERSONAL_FIELDS: readonly PersonalField[] = [
  // Typed about a visit by staff (priority lane, cancelling, hand-overs): may name the visitor.
  {
    table: 'visit',
    column: 'priority_note',
    purpose: 'guestBook',
    holds: 'why the visitor was served first, as typed',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'visit',
    column: 'cancel_reason',
    purpose: 'guestBook',
    holds: 'why the check-in was cancelled, as typed',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'visit_event',
    column: 'reason',
    purpose: 'guestBook',
    holds: 'why a visitor was handed on, as typed',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'sla_exclusion',
    column: 'note',
    purpose: 'cases',
    holds: 'why a case is outside the 1x24 target, as typed',
    wipe: 'null',
    freeText: true,
  },
  // A visitor's own request about their data (UU 27/2022): kept as the answer's evidence.
  {
    table: 'privacy_request',
    column: 'requester_name',
    purpose: 'guestBook',
    holds: 'name of who asked',
    wipe: 'marker',
    freeText: true,
  },
  {
    table: 'privacy_request',
    column: 'requester_contact',
    purpose: 'guestBook',
    holds: 'how to reach who asked',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'privacy_request',
    column: 'detail',
    purpose: 'guestBook',
    holds: 'the request, as told',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'privacy_request',
    column: 'answer',
    purpose: 'guestBook',
    holds: 'the answer given',
    wipe: 'null',
    freeText: true,
  },
  // The guest book: the visitor and what they gave at each visit.
  { table: 'visitor', column: 'full_name', purpose: 'guestBook', holds: 'name', wipe: 'marker' },
  { table: 'visitor', column: 'phone', purpose: 'guestBook', holds: 'phone', wipe: 'empty' },
  { table: 'visitor', column: 'email', purpose: 'guestBook', holds: 'e-mail', wipe: 'null' },
  {
    table: 'visitor',
    column: 'institution',
    purpose: 'guestBook',
    holds: 'employer or company',
    wipe: 'null',
  },
  { table: 'visitor', column: 'lpse', purpose: 'guestBook', holds: 'LPSE', wipe: 'handTyped' },
  { table: 'visit', column: 'full_name', purpose: 'guestBook', holds: 'name', wipe: 'marker' },
  { table: 'visit', column: 'phone', purpose: 'guestBook', holds: 'phone', wipe: 'empty' },
  { table: 'visit', column: 'email', purpose: 'guestBook', holds: 'e-mail', wipe: 'null' },
  {
    table: 'visit',
    column: 'institution',
    purpose: 'guestBook',
    holds: 'employer or company',
    wipe: 'null',
  },
  { table: 'visit', column: 'lpse', purpose: 'guestBook', holds: 'LPSE', wipe: 'handTyped' },
  {
    table: 'visit',
    column: 'purpose',
    purpose: 'guestBook',
    holds: 'purpose of the visit, as told',
    wipe: 'marker',
    freeText: true,
  },
  {
    table: 'visitor_search',
    column: '*',
    purpose: 'guestBook',
    holds: 'search terms of name, phone, e-mail, institution',
    wipe: 'searchIndex',
  },
  {
    table: 'visitor_pair_search',
    column: '*',
    purpose: 'guestBook',
    holds: 'every two words of name, e-mail, institution, cut to 4 letters',
    wipe: 'searchIndex',
  },

  // Cases: the reporter's snapshot and what the case says about them.
  {
    table: 'problem_case',
    column: 'reporter_name',
    purpose: 'cases',
    holds: 'name',
    wipe: 'marker',
  },
  {
    table: 'problem_case',
    column: 'reporter_phone',
    purpose: 'cases',
    holds: 'phone',
    wipe: 'empty',
  },
  {
    table: 'problem_case',
    column: 'reporter_email',
    purpose: 'cases',
    holds: 'e-mail',
    wipe: 'null',
  },
  {
    table: 'problem_case',
    column: 'reporter_institution',
    purpose: 'cases',
    holds: 'employer or company',
    wipe: 'null',
  },
  {
    table: 'problem_case',
    column: 'lpse',
    purpose: 'cases',
    holds: 'LPSE of the problem',
    wipe: 'handTyped',
  },
  {
    table: 'problem_case',
    column: 'spse_user_id',
    purpose: 'cases',
    holds: 'SPSE user ID',
    wipe: 'null',
  },
  {
    table: 'problem_case',
    column: 'package_code',
    purpose: 'cases',
    holds: 'tender package the person takes part in',
    wipe: 'null',
  },
  {
    table: 'problem_case',
    column: 'description',
    purpose: 'cases',
    holds: 'the problem, as told',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'problem_case',
    column: 'solution',
    purpose: 'cases',
    holds: 'the solution given',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'problem_case',
    column: 'missing_documents_reason',
    purpose: 'cases',
    holds: 'why documents are missing',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'case_note',
    column: 'text',
    purpose: 'cases',
    holds: 'officer notes',
    wipe: 'noteRedaction',
    freeText: true,
  },
  {
    table: 'confirmation',
    column: 'note',
    purpose: 'cases',
    holds: 'what the visitor said when the result was confirmed',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'outbox',
    column: 'payload',
    purpose: 'cases',
    holds: 'note text sent to the helpdesk',
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'outbox',
    column: 'last_error',
    purpose: 'cases',
    holds: "the helpdesk's answer, which may quote the case",
    wipe: 'null',
    freeText: true,
  },
  {
    table: 'backend_link',
    column: 'poll_error',
    purpose: 'cases',
    holds: "the helpdesk's answer, which may quote the case",
    wipe: 'null',
  },
  {
    table: 'backend_link',
    column: 'pause_reason',
    purpose: 'cases',
    holds: "the helpdesk's reason for a pause, typed there",
    wipe: 'null',
  },

  // Documents: their names and their files on disk.
  {
    table: 'attachment',
    column: 'original_name',
    purpose: 'documents',
    holds: 'file name (often the company or person) and the file itself',
    wipe: 'documentRow',
    freeText: true,
  },

  // The audit trail copies personal data in one place: a returning visitor's changed details.
  {
    table: 'audit',
    column: 'detail',
    purpose: 'guestBook',
    holds: "a visitor's earlier contact details (visitor.update)",
    wipe: 'auditRedaction',
    freeText: true,
  },
];

/** Text columns that hold nothing about a visitor, each with the reason. */
export const NOT_PERSONAL: readonly { table: string; column: string; why: string }[] = [
  ...cols('audit_action', ['action'], 'the kinds of action in the audit trail'),
  ...cols('officer_desk', ['room', 'chosen_at'], "an officer's desk"),
  ...cols(
    'privacy_request',
    ['kind', 'channel', 'received_at', 'due_at', 'registered_at', 'answered_at', 'outcome'],
    "a request's kind, channel, clock and outcome",
  ),
  ...cols('processing_restriction', ['restricted_at'], 'a time'),
  ...cols('read_log', ['at', 'method', 'entity', 'entity_id'], 'who read what, by id'),
  ...cols('service_holiday', ['day', 'name', 'added_at'], 'public holidays'),
  ...cols('sla_exclusion', ['reason', 'marked_at'], "the standard's exclusion reason, a time"),
  ...cols('slip_print', ['kind', 'via', 'at'], 'a printed slip, by id'),
  ...cols(
    'visit',
    ['notice_version', 'notice_delivery', 'notice_at', 'contact_consent_version'],
    'which notice the visitor was given, how and when',
  ),
  ...cols('visit', ['contact_consent_at', 'call_room', 'at_reception_since'], 'times, a room'),
  ...cols('visit', ['priority_reason', 'cancelled_at'], 'a reason from a fixed list, a time'),
  ...cols('visit_event', ['room'], 'a room'),
  ...cols('app_setting', ['key', 'value'], 'settings of the desk'),
  ...cols('attachment', ['sha256', 'mime', 'source', 'kind', 'added_at'], 'file facts'),
  ...cols('audit', ['at', 'action', 'entity', 'entity_id'], 'who did what when, by id'),
  ...cols(
    'backend_link',
    ['remote_id', 'remote_url', 'remote_status', 'remote_phase', 'linked_at', 'last_seen_at'],
    "the helpdesk ticket's number and status",
  ),
  ...cols('backend_link', ['poll_error_at'], 'a time'),
  ...cols('case_note', ['at', 'client_key'], "a time, the screen's random key"),
  ...cols(
    'confirmation',
    ['channel', 'confirmed_at', 'outcome', 'recorded_at'],
    'statistics of confirmations',
  ),
  ...cols('lpse', ['name', 'name_key', 'spse_path', 'created_at', 'updated_at'], 'LPSE directory'),
  ...cols('lpse_word', ['word'], 'LPSE directory'),
  ...cols(
    'outbox',
    ['operation', 'idempotency_key', 'state', 'next_attempt_at', 'created_at', 'updated_at'],
    'delivery bookkeeping; the key is the case code',
  ),
  ...cols(
    'pairing_code',
    ['code_hash', 'kind', 'created_at', 'expires_at', 'used_at'],
    'station pairing',
  ),
  ...cols(
    'problem_case',
    [
      'case_code',
      'status',
      'reporter_type',
      'spse_role',
      'application',
      'category',
      'error_code',
      'ticket_type',
      'created_at',
      'updated_at',
      'closed_at',
      'escalated_at',
      'backend_resolved_at',
      'finished_at',
      'purged_at',
      'documents_purged_at',
    ],
    'categories and times: the service statistics',
  ),
  ...cols('sla_pause', ['reason', 'source', 'started_at', 'ended_at'], 'a fixed list and times'),
  // Staff accounts are the office's own records, kept while the account exists; not visitor data.
  ...cols(
    'staff',
    ['username', 'full_name', 'pin_hash', 'locked_until', 'created_at'],
    'staff account, not visitor data',
  ),
  ...cols('staff_role', ['role'], 'staff account'),
  ...cols(
    'station',
    [
      'name',
      'kind',
      'credential_hash',
      'paired_at',
      'address',
      'loket_version',
      'last_seen_at',
      'revoked_at',
    ],
    'a PC of the desk',
  ),
  // Anonymous by design (issue 14 item 5, another part): not linked to any visitor.
  ...cols(
    'survey_response',
    ['service_month', 'category', 'gender', 'age_group', 'education', 'occupation', 'comment'],
    'anonymous survey answer, linked to no visitor',
  ),
  ...cols('survey_tally', ['service_day', 'category'], 'IKM tallies'),
  ...cols('survey_tally_month', ['service_month', 'category'], 'IKM tallies by month'),
  ...cols(
    'deferred_build',
    ['name', 'phase', 'started_at', 'done_at'],
    'the place of an index being built after start-up',
  ),
  ...cols(
    'visit',
    [
      'service_day',
      'visitor_type',
      'status',
      'checked_in_at',
      'called_at',
      'checked_out_at',
      'consent_version',
      'consent_at',
      'survey_ready_at',
      'purged_at',
    ],
    'categories and times: the service statistics',
  ),
  ...cols('visit_event', ['at', 'kind'], 'times of a visit'),
  ...cols(
    'visit_fact',
    ['service_day', 'status', 'visitor_type', 'case_status', 'category', 'application'],
    "the service report's copy of a visit's categories (migration 22)",
  ),
  ...cols(
    'visitor',
    ['visitor_type', 'created_at', 'updated_at', 'anonymised_at'],
    'category and times',
  ),
  ...cols('visitor_recency', ['last_day'], 'a day'),
  ...cols('note_redaction', ['at', 'reason'], 'that a note was redacted, when and why'),
  ...cols('released_file', ['sha256', 'released_at'], 'a file waiting to be deleted'),
  // The search index's own tables: covered by the visitor_search entry above.
  ...cols('visitor_search_config', ['k', 'v'], 'FTS5 settings'),
  ...cols('visitor_search_data', ['block'], 'FTS5 storage of visitor_search (see above)'),
  ...cols('visitor_search_docsize', ['sz'], 'FTS5 token counts'),
  ...cols('visitor_pair_search_config', ['k', 'v'], 'FTS5 settings'),
  ...cols('visitor_pair_search_data', ['block'], 'FTS5 storage of visitor_pair_search (see above)'),
  ...cols(
    'visitor_pair_search_idx',
    ['segid', 'term', 'pgno'],
    'FTS5 storage of visitor_pair_search (see above)',
  ),
  ...cols(
    'visitor_search_idx',
    ['segid', 'term', 'pgno'],
    'FTS5 storage of visitor_search (see above)',
  ),
];

function cols(table: string, columns: readonly string[], why: string) {
  return columns.map((column) => ({ table, column, why }));
}

/** The catalogue's fields of one table for one purpose, with the given wipe kinds. */
export function fieldsOf(table: string, purpose: Purpose, wipes: readonly Wipe[]): PersonalField[] {
  return PERSONAL_FIELDS.filter(
    (f) => f.table === table && f.purpose === purpose && wipes.includes(f.wipe),
  );
}

/** Written where a NOT NULL field was wiped: at retention, and at an erasure. */
export const ANONYMISED_MARKER = '(dianonimkan)';
export const ERASED_MARKER = '(dihapus)';

/** The kinds that a plain UPDATE can wipe (the others have their own path). */
export const COLUMN_WIPES: readonly Wipe[] = ['null', 'empty', 'marker', 'handTyped'];

/**
 * `col = value, …` for a table's plain fields of a purpose; the marker is the `@marker` parameter.
 * Built from the catalogue, so an entry added there is wiped without touching the statements.
 */
export function setClause(table: string, purpose: Purpose): string {
  const fields = fieldsOf(table, purpose, COLUMN_WIPES);
  if (fields.length === 0) throw new Error(`no personal columns of ${table} for ${purpose}`);
  return fields
    .map((f) => {
      if (!/^[a-z_]+$/.test(f.column)) throw new Error(`bad column name ${f.column}`);
      switch (f.wipe) {
        case 'null':
          return `${f.column} = NULL`;
        case 'empty':
          return `${f.column} = ''`;
        case 'marker':
          return `${f.column} = @marker`;
        default:
          // The trigger of migration 12 keeps lpse_id in step with the name.
          return `${f.column} = CASE WHEN lpse_id IS NULL THEN NULL ELSE ${f.column} END`;
      }
    })
    .join(', ');
}
