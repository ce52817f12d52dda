import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PAPER_WIDTHS,
  PRINTER_KINDS,
  type PaperWidth,
  type PrinterSettings as Settings,
} from '../../../../shared/domain/printer';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';

/** This PC's slip printer (a station keeps its own): the kind, its address, the paper width. */
export function PrinterSettings() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Settings['kind']>('pdf');
  const [address, setAddress] = useState('');
  const [width, setWidth] = useState<PaperWidth>(80);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  // This PC's own setting (no topic announces it); loaded once into the form.
  const saved = useCall(
    'printer.get',
    {},
    {
      onData: (p) => {
        setKind(p.kind);
        setWidth(p.width);
        if (p.kind === 'thermal') setAddress(p.address);
      },
    },
  );

  const save = async () => {
    setFieldError(undefined);
    const r = await api(
      'printer.save',
      kind === 'thermal' ? { kind, address, width } : { kind, width },
    );
    if (r.ok) {
      setMessage({ kind: 'success', text: t('printerSettings.saved') });
      return;
    }
    setFieldError(r.error.fields?.address);
    setMessage({ kind: 'error', text: errorText(r.error) });
  };

  if (saved.data === null) return null;
  return (
    <section className="card" aria-labelledby="printer-settings-title">
      <h2 id="printer-settings-title">{t('printerSettings.title')}</h2>
      <p>{t('printerSettings.intro')}</p>
      <div className="form-grid">
        <fieldset className="form-grid__wide">
          <legend>{t('printerSettings.kind')}</legend>
          {PRINTER_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="radio"
                name="printer-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`printerSettings.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'thermal' && (
          <Field
            label={t('printerSettings.address')}
            hint={t('printerSettings.addressHint')}
            error={fieldError}
            required
          >
            {(a) => (
              <input
                {...a}
                value={address}
                onChange={(e) => setAddress(e.target.value)}
                autoComplete="off"
                inputMode="url"
              />
            )}
          </Field>
        )}
        <Field label={t('printerSettings.width')}>
          {(a) => (
            <select
              {...a}
              value={width}
              onChange={(e) => setWidth(Number(e.target.value) === 58 ? 58 : 80)}
            >
              {PAPER_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {t(`printerSettings.widths.${w}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <ActionButton className="button button--primary" onAction={save}>
        {t('printerSettings.save')}
      </ActionButton>
    </section>
  );
}
