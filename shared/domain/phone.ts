/**
 * Indonesian phone numbers as people write them: 0812-3456-7890, +62 812 3456 7890,
 * 62812..., (021) 2993 5577. Stored in E.164 (+62 followed by the national significant number).
 */
const SEPARATORS = /[\s\-.()/]/g;
/** Mobile: 8 then 8–11 digits. Landline: area code (2–3 digits, starting 2–7) then 5–8 digits. */
const NATIONAL_SIGNIFICANT = /^(?:8[1-9]\d{7,10}|[2-7]\d{6,9})$/;

export function normalizeIndonesianPhone(raw: string): string | null {
  const compact = raw.trim().replace(SEPARATORS, '');
  let nsn: string;
  if (compact.startsWith('+62')) nsn = compact.slice(3);
  else if (compact.startsWith('62')) nsn = compact.slice(2);
  else if (compact.startsWith('0')) nsn = compact.slice(1);
  else return null;
  if (nsn.startsWith('0')) nsn = nsn.slice(1); // "+62 (0)812..." is a common way of writing it
  return NATIONAL_SIGNIFICANT.test(nsn) ? `+62${nsn}` : null;
}

/** Area codes of two digits after the 0; every other area code has three (0751, 0274…). */
const TWO_DIGIT_AREA_CODES = ['21', '22', '24', '31', '61'];

/**
 * How Loket writes a number everywhere it shows one: mobiles "0812-3456-7890", landlines with
 * the area code in brackets, "(021) 2993-5577", "(0751) 123-456".
 */
export function formatPhoneNational(e164: string): string {
  const nsn = e164.startsWith('+62') ? e164.slice(3) : e164;
  const national = `0${nsn}`;
  if (nsn.startsWith('8')) {
    return [national.slice(0, 4), national.slice(4, 8), national.slice(8)]
      .filter(Boolean)
      .join('-');
  }
  if (!/^[2-7]\d+$/.test(nsn)) return national;
  const areaLength = TWO_DIGIT_AREA_CODES.includes(nsn.slice(0, 2)) ? 2 : 3;
  const subscriber = nsn.slice(areaLength);
  const cut = subscriber.length >= 7 ? subscriber.length - 4 : subscriber.length === 6 ? 3 : 0;
  const grouped = cut > 0 ? `${subscriber.slice(0, cut)}-${subscriber.slice(cut)}` : subscriber;
  return `(0${nsn.slice(0, areaLength)}) ${grouped}`;
}

/** Enough to recognise one's own number, not enough to read someone else's off a screen. */
export function maskPhone(e164: string): string {
  const national = `0${e164.startsWith('+62') ? e164.slice(3) : e164}`;
  const hidden = Math.max(national.length - 7, 0);
  return `${national.slice(0, 4)}${'•'.repeat(hidden)}${national.slice(4 + hidden)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}•••@${domain.slice(0, 1)}•••${tld}`;
}
