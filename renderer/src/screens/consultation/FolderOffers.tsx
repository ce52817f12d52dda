import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  likelyDocumentKind,
  type CaseView,
  type DocumentKind,
} from '../../../../shared/domain/case';
import { formatTimeWib } from '../../../../shared/time';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { type FolderOffer, useFolderOffers } from './FolderOffersPoll';

type Offer = FolderOffer;

/** Files the office scanner dropped in the scan folder, offered for attaching to this case. */
export function FolderOffers({
  view,
  onChanged,
}: {
  view: CaseView;
  onChanged: (v: CaseView) => void;
}) {
  const { t, i18n } = useTranslation();
  const { offers, taken } = useFolderOffers();
  const [failure, setFailure] = useState<string | null>(null);

  if (offers.length === 0) return null;
  // The office scanner's files are paper, scanned: the same guess as the desk scanner's.
  const kind: DocumentKind = likelyDocumentKind(view, 'scan');
  const attach = async (offer: Offer) => {
    const r = await api('folder.attach', { offerId: offer.id, caseId: view.caseId, kind });
    if (!r.ok) return setFailure(`${offer.name}: ${errorText(r.error)}`);
    setFailure(null);
    taken(offer.id);
    onChanged(r.value);
  };
  return (
    <div className="folder-offers">
      <h4>{t('documents.folderTitle')}</h4>
      <ul>
        {offers.map((o) => (
          <li key={o.id}>
            <span>
              {o.name} <span className="muted">· {formatTimeWib(o.seenAt, i18n.language)}</span>
            </span>
            <ActionButton
              className="button button--small"
              aria-label={t('documents.attachOf', { name: o.name })}
              onAction={() => attach(o)}
            >
              {t('documents.attachOffer')}
            </ActionButton>
          </li>
        ))}
      </ul>
      {failure && <Notice kind="error">{failure}</Notice>}
    </div>
  );
}
