import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRow } from '../../../../shared/domain/visit';
import { formatDayLong, serviceDayOf } from '../../../../shared/time';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { CheckInForm } from './CheckInForm';
import { RegisterExport } from './RegisterExport';
import { SentBackPanel } from './SentBackPanel';
import { TodayList } from './TodayList';
import { useLiveCall } from '../../hooks/use-live-call';

/** Only while the push stream is down. */
const REFRESH_MS = 30_000;
const NONE: VisitRow[] = [];

export function ReceptionScreen() {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState(() => serviceDayOf(new Date()));
  const list = useLiveCall(
    'visit.listForDay',
    { day },
    { topics: ['queue'], fallbackMs: REFRESH_MS },
  );
  const now = useMemo(
    () => (list.loadedAt === null ? new Date() : new Date(list.loadedAt)),
    [list.loadedAt],
  );
  const today = serviceDayOf(now);
  const visits: VisitRow[] = list.data?.visits ?? NONE;
  const failure = list.error ? errorText(list.error) : null;
  /** After a change made on this screen. */
  const reload = list.reload;

  return (
    <main id="main" className="reception">
      <h1 className="visually-hidden">{t('reception.title')}</h1>
      <CheckInForm
        onCheckedIn={() => {
          setDay(today);
          reload();
        }}
      />
      <SentBackPanel />
      <section className="card" aria-labelledby="today-title">
        <div className="card__head">
          <h2 id="today-title">
            {day === today && `${t('reception.todayTitle')} · `}
            {formatDayLong(day, i18n.language)}
          </h2>
          <label className="day-picker">
            {t('reception.dayLabel')}
            <input
              type="date"
              value={day}
              max={today}
              onChange={(e) => e.target.value && setDay(e.target.value)}
            />
          </label>
        </div>
        {failure && <Notice kind="error">{failure}</Notice>}
        <TodayList isToday={day === today} visits={visits} now={now} onChanged={reload} />
        <RegisterExport day={day} />
      </section>
    </main>
  );
}
