import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import './ConnectToHub.css';

type Inspected = MethodOutput<'station.inspectHub'> & { address: string };

/** "AB:CD:…" (32 pairs) as 8 groups of 4 pairs, for reading aloud and comparing with the hub. */
export function fingerprintGroups(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(' '));
  return groups;
}

/**
 * Pairs this PC with a hub: the address first; then the hub's name, version and certificate
 * fingerprint (fetched without trusting it yet) to compare with the hub's screen; then, once the
 * user confirms, the pairing code and this PC's name, sent pinned to exactly that fingerprint.
 */
export function ConnectToHub({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [hub, setHub] = useState<Inspected | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const inspect = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setFields({});
    const result = await api('station.inspectHub', { address });
    setBusy(false);
    if (result.ok) {
      setHub({ ...result.value, address: address.trim() });
      setConfirmed(false);
      return;
    }
    setFields(result.error.fields ?? {});
    setFailure(errorText(result.error));
  };

  const pair = async (event: FormEvent) => {
    event.preventDefault();
    if (!hub || busy) return;
    setBusy(true);
    setFailure(null);
    setFields({});
    const result = await api('station.pair', {
      address: hub.address,
      fingerprint: hub.fingerprint,
      code,
      name,
    });
    if (!result.ok) {
      setBusy(false);
      setFields(result.error.fields ?? {});
      setFailure(errorText(result.error));
      return;
    }
    setDone(
      t('station.paired', {
        hubName: result.value.hubName,
        name: result.value.name,
        kind: t(`station.kinds.${result.value.kind}`),
      }),
    );
    // The host turns into the station on this same address and link within a second or two;
    // reloading before it answers as one would show the all-in-one (or nothing at all).
    const untilStation = async () => {
      const status = await api('station.status', {});
      if (status.ok && status.value.mode === 'station') window.location.reload();
      else setTimeout(() => void untilStation(), 1000);
    };
    setTimeout(() => void untilStation(), 1000);
  };

  return (
    <main id="main" className="card card--narrow connect-hub">
      <h1>{t('station.connectTitle')}</h1>
      {done ? (
        <Notice kind="success">{done}</Notice>
      ) : (
        <>
          <p>{t('station.connectIntro')}</p>
          <form onSubmit={(e) => void inspect(e)} noValidate>
            <Field
              label={t('station.address')}
              hint={t('station.addressHint')}
              error={fields.address}
              required
            >
              {(control) => (
                <input
                  {...control}
                  name="address"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="192.168.1.10:8443"
                  value={address}
                  onChange={(e) => {
                    setAddress(e.target.value);
                    setHub(null);
                  }}
                />
              )}
            </Field>
            {!hub && (
              <div className="connect-hub__actions">
                <button type="button" className="button" onClick={onBack}>
                  {t('station.back')}
                </button>
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t('station.inspect')}
                </button>
              </div>
            )}
          </form>
          {hub && (
            <section aria-labelledby="hub-found" className="connect-hub__found">
              <h2 id="hub-found">{t('station.hubFound')}</h2>
              <dl className="connect-hub__facts">
                <dt>{t('station.hubName')}</dt>
                <dd>{hub.hubName}</dd>
                <dt>{t('station.hubVersion')}</dt>
                <dd>{hub.version}</dd>
              </dl>
              <h3>{t('station.fingerprint')}</h3>
              <ol className="connect-hub__fingerprint" aria-label={t('station.fingerprint')}>
                {fingerprintGroups(hub.fingerprint).map((group, i) => (
                  <li key={i}>
                    <span className="connect-hub__group-no" aria-hidden="true">
                      {i + 1}
                    </span>
                    <code>{group}</code>
                  </li>
                ))}
              </ol>
              <p className="connect-hub__compare">{t('station.compareFingerprint')}</p>
              {!hub.compatible && (
                <Notice kind="error">
                  {t('station.incompatible', { hubVersion: hub.version })}
                </Notice>
              )}
              <form onSubmit={(e) => void pair(e)} noValidate>
                <label className="connect-hub__confirm">
                  <input
                    type="checkbox"
                    checked={confirmed}
                    onChange={(e) => setConfirmed(e.target.checked)}
                  />
                  {t('station.confirmFingerprint')}
                </label>
                {confirmed && (
                  <>
                    <Field
                      label={t('station.code')}
                      hint={t('station.codeHint')}
                      error={fields.code}
                      required
                    >
                      {(control) => (
                        <input
                          {...control}
                          name="code"
                          autoComplete="off"
                          autoCapitalize="characters"
                          spellCheck={false}
                          maxLength={20}
                          className="connect-hub__code"
                          value={code}
                          onChange={(e) => setCode(e.target.value)}
                        />
                      )}
                    </Field>
                    <Field
                      label={t('station.name')}
                      hint={t('station.nameHint')}
                      error={fields.name}
                      required
                    >
                      {(control) => (
                        <input
                          {...control}
                          name="name"
                          maxLength={60}
                          value={name}
                          onChange={(e) => setName(e.target.value)}
                        />
                      )}
                    </Field>
                  </>
                )}
                <div className="connect-hub__actions">
                  <button type="button" className="button" onClick={onBack}>
                    {t('station.back')}
                  </button>
                  <button
                    type="submit"
                    className="button button--primary"
                    disabled={busy || !confirmed || !hub.compatible}
                  >
                    {t('station.pair')}
                  </button>
                </div>
              </form>
            </section>
          )}
          {failure && <Notice kind="error">{failure}</Notice>}
        </>
      )}
    </main>
  );
}
