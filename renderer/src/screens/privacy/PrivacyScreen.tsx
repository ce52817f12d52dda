import './privacy.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { Notice } from '../../components/Notice';
import { useLiveCall } from '../../hooks/use-live-call';
import { BreachExport } from './BreachExport';
import { NewRequestForm } from './NewRequestForm';
import { RequestDesk } from './RequestDesk';
import { RequestList } from './RequestList';

/** The supervisor's "Permintaan Data Pribadi": the register, one request served, the breach list. */
export function PrivacyScreen() {
  const { t } = useTranslation();
  const [openOnly, setOpenOnly] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useLiveCall('privacy.requests', { open: openOnly }, { topics: [] });
  const requests = list.data ?? [];
  const current = requests.find((r) => r.id === selected) ?? null;

  return (
    <main id="main" className="privacy">
      <h1>{t('privacy.title')}</h1>
      <p className="muted">{t('privacy.intro')}</p>
      {list.error && <Notice kind="error">{errorText(list.error)}</Notice>}
      <div className="privacy__grid">
        <div className="privacy__column">
          <RequestList
            requests={requests}
            selected={selected}
            openOnly={openOnly}
            onOpenOnly={setOpenOnly}
            onServe={setSelected}
          />
          <NewRequestForm
            onRegistered={(id) => {
              setSelected(id);
              list.reload();
            }}
          />
        </div>
        <div className={`privacy__column${current ? ' privacy__column--desk' : ''}`}>
          {current ? (
            <RequestDesk
              key={current.id}
              request={current}
              onChanged={list.reload}
              onBack={() => setSelected(null)}
            />
          ) : (
            <BreachExport />
          )}
        </div>
      </div>
    </main>
  );
}
