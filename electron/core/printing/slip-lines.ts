import { FOLLOW_UP_CONTACT, type Slip } from '../../../shared/domain/slip';
import { translate } from '../../../shared/i18n/messages';
import { formatDayLong, formatTimeWib, serviceDayOf } from '../../../shared/time';

export type SlipStyle = 'header' | 'title' | 'number' | 'code' | 'strong' | 'normal' | 'small';
export type SlipLine = { style: SlipStyle; text: string } | { style: 'rule' };

/** Slips are for the visitor: always in Bahasa Indonesia, whatever the staff screen shows. */
const tr = (key: string, params: Record<string, string> = {}) =>
  translate('id', `slips.${key}`, params);

function whenWib(iso: string): { day: string; time: string } {
  return {
    day: formatDayLong(serviceDayOf(new Date(iso)), 'id'),
    time: formatTimeWib(iso, 'id'),
  };
}

/**
 * The slip's content, top to bottom, in one place for every output (ESC/POS and PDF), so the
 * thermal slip and its PDF say the same.
 */
export function slipLines(slip: Slip): SlipLine[] {
  const lines: SlipLine[] = [{ style: 'header', text: tr('service') }];
  if (slip.kind === 'queue') {
    const { day, time } = whenWib(slip.issuedAt);
    lines.push({ style: 'title', text: tr('queueTitle') });
    lines.push({ style: 'number', text: slip.queueLabel });
    if (slip.priority) {
      const reason = translate('id', `priority.reasons.${slip.priority}`);
      lines.push({ style: 'strong', text: tr('priority', { reason }) });
    }
    lines.push({ style: 'normal', text: day });
    lines.push({ style: 'normal', text: tr('time', { time }) });
    lines.push({ style: 'strong', text: tr('showWhenCalled') });
  } else {
    const { day, time } = whenWib(slip.escalatedAt);
    lines.push({ style: 'title', text: tr('caseTitle') });
    lines.push({ style: 'normal', text: tr('caseNumber') });
    lines.push({ style: 'code', text: slip.caseCode });
    lines.push({ style: 'normal', text: tr('escalatedAt', { day, time }) });
    lines.push({ style: 'normal', text: tr('queueNumber', { queue: slip.queueLabel }) });
    lines.push({ style: 'rule' });
    lines.push({ style: 'strong', text: tr('promise') });
    lines.push({ style: 'normal', text: tr('followUp') });
    lines.push({
      style: 'normal',
      text: tr('callCenter', {
        short: FOLLOW_UP_CONTACT.callCenter,
        phone: FOLLOW_UP_CONTACT.phone,
      }),
    });
    lines.push({ style: 'normal', text: tr('email', { email: FOLLOW_UP_CONTACT.email }) });
  }
  lines.push({ style: 'rule' });
  lines.push({ style: 'small', text: tr('dataUse') });
  return lines;
}

/** Thermal printers' built-in code pages lack a few typographic marks the slip text uses. */
export function asciiForThermal(text: string): string {
  return text
    .replaceAll('×', 'x')
    .replaceAll('·', '-')
    .replace(/[–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .normalize('NFKD')
    .replace(/[^\x20-\x7E]/g, '');
}
