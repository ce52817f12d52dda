import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRow } from '../../../../shared/domain/visit';
import { formatDayLong, serviceDayOf } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { CheckInForm } from './CheckInForm';
import { RegisterExport } from './RegisterExport';
import { TodayList } from './TodayList';

const REFRESH_MS = 30_000;

export function ReceptionScreen() {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  const today = serviceDayOf(now);
  const [day, setDay] = useState(today);
  const [visits, setVisits] = useState<VisitRow[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  /** Bumped to reload the list after a change made on this screen. */
  const [revision, setRevision] = useState(0);
  const reload = () => setRevision((r) => r + 1);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const result = await api('visit.listForDay', { day });
      if (!live) return;
      setNow(new Date());
      if (result.ok) {
        setVisits(result.value.visits);
        setFailure(null);
      } else {
        setFailure(errorText(result.error));
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [day, revision]);

  return (
    <main id="main" className="reception">
      <h1 className="visually-hidden">{t('reception.title')}</h1>
      <CheckInForm
        onCheckedIn={() => {
          setDay(today);
          reload();
        }}
      />
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
