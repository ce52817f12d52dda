import { useTranslation } from 'react-i18next';
import type { CallPlace } from '../../../shared/domain/desk';

/** Where a call sends the visitor, as the board and the officer's screen write it. */
export function usePlaceLabel(): (room: CallPlace['room'], desk: number | null) => string {
  const { t } = useTranslation();
  return (room, desk) => {
    if (room === 'resepsionis') return t('waiting.rooms.resepsionis');
    const name = t(`waiting.rooms.${room ?? 'konsultasi'}`);
    return desk === null ? name : t('waiting.place', { room: name, desk });
  };
}

/** The same place in two lines for the board's newest call: the desk large, the room under it. */
export function usePlaceLines(): (
  room: CallPlace['room'],
  desk: number | null,
) => { main: string; sub: string | null } {
  const { t } = useTranslation();
  return (room, desk) => {
    if (room === 'resepsionis') return { main: t('waiting.rooms.resepsionis'), sub: null };
    const name = t(`waiting.rooms.${room ?? 'konsultasi'}`);
    return desk === null
      ? { main: name, sub: null }
      : { main: t('waiting.deskLabel', { desk }), sub: name };
  };
}
