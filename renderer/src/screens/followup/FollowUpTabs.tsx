import { useTranslation } from 'react-i18next';
import '../records/records.css';

export type FollowUpTab = 'open' | 'closed';
const TABS: readonly FollowUpTab[] = ['open', 'closed'];

/** "Berjalan" and "Selesai": a closed case leaves the working list but keeps its record. */
export function FollowUpTabs({
  tab,
  onTab,
}: {
  tab: FollowUpTab;
  onTab: (t: FollowUpTab) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist" aria-label={t('records.tabs.label')}>
      {TABS.map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={tab === k}
          tabIndex={tab === k ? 0 : -1}
          onClick={() => onTab(k)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
              onTab(k === 'open' ? 'closed' : 'open');
          }}
        >
          {t(`records.tabs.${k}`)}
        </button>
      ))}
    </div>
  );
}
