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
