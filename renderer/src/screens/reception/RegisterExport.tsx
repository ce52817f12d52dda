import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { downloadBase64 } from '../../download';

export function RegisterExport({ day }: { day: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    const result = await api('register.export', { day, format });
    if (!result.ok) return setMessage({ kind: 'error', text: errorText(result.error) });
    downloadBase64(result.value.fileName, result.value.mimeType, result.value.base64);
    setMessage({ kind: 'success', text: t('reception.exported', { file: result.value.fileName }) });
  };

  return (
    <div className="export">
      <h3>{t('reception.exportTitle')}</h3>
      <div className="button-row">
        <ActionButton className="button" onAction={() => exportAs('csv')}>
          {t('reception.exportCsv')}
        </ActionButton>
        <ActionButton className="button" onAction={() => exportAs('xlsx')}>
          {t('reception.exportXlsx')}
        </ActionButton>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  );
}
