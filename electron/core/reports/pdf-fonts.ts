import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  cjk: 'DroidSansFallbackFull.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

/**
 * resources/fonts from the sources (electron/core/reports → ../../../resources) or from the
 * bundle (dist-electron → ../resources, packaged beside it: electron-builder.yml `files`).
 */
function fontsDir(): string {
  const candidates = ['../../../resources/fonts/', '../resources/fonts/'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  const found = candidates.find((d) => existsSync(`${d}${FONT_FILES.regular}`));
  if (!found) throw new Error(`report fonts not found in ${candidates.join(' or ')}`);
  return found;
}

let cache: Record<FontName, Buffer> | null = null;

/** The font files, read once per process (about 5 MB). */
export function reportFonts(): Record<FontName, Buffer> {
  if (!cache) {
    const dir = fontsDir();
    cache = Object.fromEntries(
      Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(`${dir}${file}`)]),
    ) as Record<FontName, Buffer>;
  }
  return cache;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const CJK =
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/**
 * Splits text into runs that one font can draw: Noto Sans has Latin (with Vietnamese and
 * transliteration marks), Greek and Cyrillic but neither Arabic nor CJK. Spaces and digits stay
 * with the run they are in, so "Ṣalāḥ 王小明" is two runs, not five.
 */
export function fontRuns(text: string, bold: boolean): { font: FontName; text: string }[] {
  const runs: { font: FontName; text: string }[] = [];
  const base: FontName = bold ? 'bold' : 'regular';
  for (const ch of text.normalize('NFC')) {
    const font: FontName = ARABIC.test(ch) ? 'arabic' : CJK.test(ch) ? 'cjk' : base;
    const last = runs.at(-1);
    const neutral = /[\s\d.,:;()\-–/]/u.test(ch);
    if (last && (last.font === font || neutral)) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}
