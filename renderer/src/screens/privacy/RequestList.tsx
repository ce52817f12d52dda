import { useTranslation } from 'react-i18next';
import type { PrivacyRequest } from '../../../../shared/domain/privacy-request';
import { whenWib } from './format';

export function RequestList({
  requests,
  selected,
  openOnly,
  onOpenOnly,
  onServe,
}: {
  requests: PrivacyRequest[];
  selected: number | null;
  openOnly: boolean;
  onOpenOnly: (open: boolean) => void;
  onServe: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="privacy-requests">
      <div className="card__head">
        <h2 id="privacy-requests">{t('privacy.list.title')}</h2>
        <label className="checkbox checkbox--plain">
          <input
            type="checkbox"
            checked={openOnly}
            onChange={(e) => onOpenOnly(e.target.checked)}
          />
          {t('privacy.list.openOnly')}
        </label>
      </div>
      {requests.length === 0 ? (
        <p className="muted">{t('privacy.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('privacy.list.number')}</th>
                <th scope="col">{t('privacy.list.kind')}</th>
                <th scope="col">{t('privacy.list.requester')}</th>
                <th scope="col">{t('privacy.list.dueAt')}</th>
                <th scope="col">{t('privacy.list.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('privacy.list.serve')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr
                  key={r.id}
                  data-request-id={r.id}
                  aria-current={r.id === selected ? 'true' : undefined}
                >
                  <td>{r.id}</td>
                  <td>{t(`privacy.kinds.${r.kind}`)}</td>
                  <td>
                    {r.requesterName}
                    <br />
                    <span className="muted">
                      {t('privacy.list.receivedAt')} {whenWib(r.receivedAt, i18n.language)}
                    </span>
                  </td>
                  <td>{whenWib(r.dueAt, i18n.language)}</td>
                  <td>
                    <span className={`status status--${r.clock}`}>
                      {t(`privacy.clock.${r.clock}`)}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onServe(r.id)}
                    >
                      {t('privacy.list.serve')}
                      <span className="visually-hidden"> {r.id}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
