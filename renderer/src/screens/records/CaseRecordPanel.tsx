import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import { formatPhoneNational } from '../../../../shared/domain/phone';
import type { TimelineEvent } from '../../../../shared/domain/records';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../../shared/time';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { CaseRecord } from '../consultation/CaseRecord';
import './records.css';

type Record = MethodOutput<'records.case'>;

const PAUSE_KINDS: readonly string[] = ['paused', 'backend_paused'];
const FIELD_KINDS: readonly string[] = ['visit_corrected', 'case_corrected'];

/** A case's whole record in one view: summary, form, documents, notes, outcome, timeline. */
export function CaseRecordPanel({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  // Read-only: a note, a pause or a follow-up added elsewhere shows in the timeline at once.
  const load = useLiveCall('records.case', { caseId }, { topics: ['cases', 'followup'] });
  const record: Record | null = load.data;
  const error = load.error && errorText(load.error);

  const when = (iso: string) =>
    `${formatDayLong(serviceDayOf(new Date(iso)), i18n.language)} ${formatTimeWib(iso, i18n.language)} WIB`;
  const detailOf = (e: TimelineEvent): string | null => {
    if (e.detail === null) return null;
    if (PAUSE_KINDS.includes(e.kind)) return t(`followup.reasons.${e.detail}`);
    if (e.kind === 'delivered') return `#${e.detail}`;
    if (e.kind === 'confirmed' || e.kind === 'confirmed_not_solved')
      return t(`followup.channels.${e.detail}`);
    if (FIELD_KINDS.includes(e.kind))
      return e.detail
        .split(',')
        .map((f) => t(`records.fields.${f}`, { defaultValue: f }))
        .join(', ');
    return e.detail;
  };

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!record) return <p aria-live="polite">{t('app.loading')}</p>;
  const v = record.view;
  return (
    <section className="card case-file" aria-labelledby={titleId} data-case-code={v.caseCode}>
      <div className="correction__head">
        <h2 id={titleId}>{t('records.record.title', { code: v.caseCode })}</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('records.record.close')}
        </button>
      </div>
      <dl className="case-file__summary">
        <div>
          <dt>{t('records.record.status')}</dt>
          <dd>{t(`records.caseStatuses.${v.status}`)}</dd>
        </div>
        <div>
          <dt>{t('records.record.reporter')}</dt>
          <dd>
            {v.reporter.name}
            <br />
            <span className="muted">
              {formatPhoneNational(v.reporter.phone)}
              {v.reporter.email && ` · ${v.reporter.email}`}
              {v.reporter.institution && ` · ${v.reporter.institution}`}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('records.record.visit')}</dt>
          <dd>
            {t('records.record.visitValue', {
              day: formatDayLong(record.serviceDay, i18n.language),
              queue: record.queueLabel,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('records.record.officer')}</dt>
          <dd>{record.officerName}</dd>
        </div>
        <div>
          <dt>{t('records.record.ticket')}</dt>
          <dd>
            {record.ticket
              ? `#${record.ticket.id} · ${t(`followup.phases.${record.ticket.phase}`)}`
              : t('records.record.noTicket')}
          </dd>
        </div>
      </dl>
      <CaseRecord view={v} />
      <div className="case-file__columns">
        <section aria-labelledby={`${titleId}-docs`}>
          <h3 id={`${titleId}-docs`}>{t('records.record.documents')}</h3>
          {v.attachments.length === 0 ? (
            <p className="muted">{t('records.record.noDocuments')}</p>
          ) : (
            <ul>
              {v.attachments.map((a) => (
                <li key={a.id}>
                  {a.originalName} <span className="muted">({t(`documentKinds.${a.kind}`)})</span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('records.record.outcome')}</h3>
          {v.solution && (
            <p>
              <strong>{t('records.record.solution')}:</strong> {v.solution}
            </p>
          )}
          {v.missingDocumentsReason && (
            <p>
              <strong>{t('records.record.missingReason')}:</strong> {v.missingDocumentsReason}
            </p>
          )}
          {record.confirmations.map((c, i) => (
            <p key={i}>
              {t('records.record.confirmationLine', {
                time: when(c.confirmedAt),
                channel: t(`followup.channels.${c.channel}`),
                officer: c.officerName,
                outcome: t(`records.record.outcomes.${c.outcome}`),
              })}
              {c.note && ` — ${c.note}`}
            </p>
          ))}
        </section>
        <section aria-labelledby={`${titleId}-notes`}>
          <h3 id={`${titleId}-notes`}>{t('records.record.notes')}</h3>
          {v.notes.length === 0 ? (
            <p className="muted">{t('records.record.noNotes')}</p>
          ) : (
            <ul className="case-file__notes">
              {v.notes.map((n) => (
                <li key={n.id}>
                  <span className="muted">
                    {when(n.at)} · {n.authorName}
                  </span>
                  <br />
                  {n.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby={`${titleId}-timeline`}>
        <h3 id={`${titleId}-timeline`}>{t('records.record.timeline')}</h3>
        <ol className="timeline">
          {record.timeline.map((e, i) => {
            const detail = detailOf(e);
            return (
              <li key={i} data-kind={e.kind}>
                <time dateTime={e.at}>{when(e.at)}</time>
                <span>
                  <span className="timeline__what">{t(`records.timeline.${e.kind}`)}</span>{' '}
                  <span className="muted">
                    {e.actorName
                      ? t('records.record.by', { name: e.actorName })
                      : t('records.record.system')}
                  </span>
                </span>
                {detail && <span className="timeline__detail">{detail}</span>}
              </li>
            );
          })}
        </ol>
      </section>
    </section>
  );
}
