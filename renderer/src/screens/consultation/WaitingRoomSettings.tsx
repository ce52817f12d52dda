import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_VOICES, type BoardAudio } from '../../../../shared/domain/board-audio';
import { MAX_DESK, ROOMS, type Desk, type Room } from '../../../../shared/domain/desk';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import { usePlaceLabel } from '../../board/place-label';
import { ActionButton } from '../../components/ActionButton';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useCall } from '../../hooks/use-live-call';

type Message = { kind: 'success' | 'error'; text: string } | null;

/** The officer's room and desk: where the board sends the visitors this officer calls. */
function DeskPicker() {
  const { t } = useTranslation();
  const place = usePlaceLabel();
  const [desk, setDesk] = useState<Desk | null | undefined>(undefined);
  const [room, setRoom] = useState<Room>('konsultasi');
  const [number, setNumber] = useState('');
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  // Loaded once into the picker; saving here sets it.
  useCall(
    'desk.mine',
    {},
    {
      onData: (mine) => {
        setDesk(mine);
        if (mine) {
          setRoom(mine.room);
          setNumber(String(mine.desk));
        }
      },
    },
  );

  const save = async () => {
    const deskNo = Number(number);
    if (!Number.isInteger(deskNo) || deskNo < 1 || deskNo > MAX_DESK) {
      return setMessage({ kind: 'error', text: t('waiting.deskInvalid', { max: MAX_DESK }) });
    }
    const r = await api('desk.choose', { room, desk: deskNo });
    if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error) });
    setDesk(r.value.desk);
    setEditing(false);
    const where = place(r.value.desk.room, r.value.desk.desk);
    setMessage({
      kind: 'success',
      text: r.value.tookFrom
        ? t('waiting.deskTaken', { place: where, name: r.value.tookFrom })
        : t('waiting.deskSaved', { place: where }),
    });
  };

  if (desk === undefined) return null;
  return (
    <div className="desk-picker">
      <h3>{t('waiting.myDesk')}</h3>
      {desk && !editing ? (
        <p>
          <strong>{place(desk.room, desk.desk)}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('waiting.changeDesk')}
          </button>
        </p>
      ) : (
        <>
          {!desk && <p className="muted">{t('waiting.noDeskHint')}</p>}
          <div className="desk-picker__fields">
            <Field label={t('waiting.room')}>
              {(control) => (
                <select {...control} value={room} onChange={(e) => setRoom(e.target.value as Room)}>
                  {ROOMS.map((r) => (
                    <option key={r} value={r}>
                      {t(`waiting.rooms.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('waiting.deskNumber')}>
              {(control) => (
                <input
                  {...control}
                  inputMode="numeric"
                  size={4}
                  value={number}
                  onChange={(e) => setNumber(e.target.value.trim())}
                />
              )}
            </Field>
          </div>
          <ActionButton className="button button--small" onAction={save}>
            {t('waiting.saveDesk')}
          </ActionButton>
        </>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </div>
  );
}

/** Volume, mute and voice of every waiting-room board of this desk. */
function BoardAudioForm() {
  const { t } = useTranslation();
  const [audio, setAudio] = useState<BoardAudio | null>(null);
  const [message, setMessage] = useState<Message>(null);

  // Loaded once: a reload would move the slider under the officer's hand.
  useCall('board.audioSettings', {}, { onData: setAudio });

  if (!audio) return null;
  const save = async () => {
    const r = await api('board.saveAudio', audio);
    setMessage(
      r.ok
        ? { kind: 'success', text: t('waiting.audioSaved') }
        : { kind: 'error', text: errorText(r.error) },
    );
  };
  return (
    <fieldset className="board-audio">
      <legend>{t('waiting.audioTitle')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={audio.muted}
          onChange={(e) => setAudio({ ...audio, muted: e.target.checked })}
        />{' '}
        {t('waiting.mute')}
      </label>
      <Field label={t('waiting.volume', { value: audio.volume })}>
        {(control) => (
          <input
            {...control}
            type="range"
            min={0}
            max={100}
            step={5}
            value={audio.volume}
            disabled={audio.muted}
            onChange={(e) => setAudio({ ...audio, volume: Number(e.target.value) })}
          />
        )}
      </Field>
      <Field label={t('waiting.voice')} hint={t('waiting.voiceHint')}>
        {(control) => (
          <select
            {...control}
            value={audio.voice}
            onChange={(e) =>
              setAudio({ ...audio, voice: e.target.value === 'speech' ? 'speech' : 'clips' })
            }
          >
            {BOARD_VOICES.map((v) => (
              <option key={v} value={v}>
                {t(`waiting.voices.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ActionButton className="button button--small" onAction={save}>
        {t('waiting.saveAudio')}
      </ActionButton>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </fieldset>
  );
}

/** The consultation screen's waiting-room card: the officer's desk and how the boards speak. */
export function WaitingRoomSettings() {
  const { t } = useTranslation();
  return (
    <section className="card waiting-room-settings" aria-labelledby="waiting-room-title">
      <h2 id="waiting-room-title">{t('waiting.title')}</h2>
      <DeskPicker />
      <BoardAudioForm />
    </section>
  );
}
