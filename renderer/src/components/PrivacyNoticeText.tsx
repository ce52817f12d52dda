import './PrivacyNoticeText.css';
import { NOTICE_SECTION_KEYS, type PrivacyNotice } from '../../../shared/domain/privacy-notice';

/** The notice's sections in the reader's language: the same text reception and the visitor see. */
export function PrivacyNoticeText({ notice, lang }: { notice: PrivacyNotice; lang: string }) {
  const l = lang === 'en' ? 'en' : 'id';
  return (
    <dl className="notice-text" lang={l}>
      {NOTICE_SECTION_KEYS.map((key) => (
        <div key={key} className="notice-text__section">
          <dt>{notice.sections[key].heading[l]}</dt>
          <dd>{notice.sections[key].body[l]}</dd>
        </div>
      ))}
    </dl>
  );
}
