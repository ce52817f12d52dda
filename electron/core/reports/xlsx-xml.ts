/** The pieces of SpreadsheetML text an XLSX package is made of, kept apart from the writing. */

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * What must be escaped, and what XML 1.0 cannot hold at all (control characters, U+FFFE/FFFF, a
 * lone surrogate: one of them and Excel refuses the whole file), which is dropped.
 */
const SPECIAL =
  // The control characters are what is looked for here, not a slip.
  // eslint-disable-next-line no-control-regex
  /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;
const SPECIAL_ALL = new RegExp(SPECIAL.source, 'gu');

function replaceSpecial(m: string): string {
  if (m === '&') return '&amp;';
  if (m === '<') return '&lt;';
  if (m === '>') return '&gt;';
  return '';
}

/** Text as element content. */
export function xmlText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, replaceSpecial) : text;
}

/** Text as an attribute value in double quotes. */
export function xmlAttr(text: string): string {
  return xmlText(text).replaceAll('"', '&quot;');
}

const EDGE_SPACE = /^\s|\s$|\n/;

/** An inline-string cell's `<t>`: spaces at the ends and line breaks kept. */
export function inlineText(text: string): string {
  return EDGE_SPACE.test(text)
    ? `<t xml:space="preserve">${xmlText(text)}</t>`
    : `<t>${xmlText(text)}</t>`;
}

/** A, B, …, Z, AA, AB, … for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel refuses a sheet name that is blank, over 31 characters or holds one of : \ / ? * [ ]. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]\s]+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = base.slice(0, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  return name;
}
