import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n/messages';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(tsx?|ts)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function has(path: string): boolean {
  let node: unknown = catalogs.id;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('message keys used by the screens and the core', () => {
  it('all exist in the catalogs (no raw key ever reaches a screen)', () => {
    const missing: string[] = [];
    for (const file of [...sources('renderer/src'), ...sources('electron/core')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!has(m[1]!)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      }
      for (const m of text.matchAll(/translate\(\s*[a-zA-Z.]+,\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!has(m[1]!)) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
