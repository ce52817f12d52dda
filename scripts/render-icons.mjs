#!/usr/bin/env node
/**
 * `npm run build:icons`: renders resources/icon.svg into the PNG sizes the targets need
 * (Linux: resources/icons/<size>x<size>.png and icon.png 512; Windows: icon.ico with 16…256,
 * built here from the PNGs) with rsvg-convert (Debian: librsvg2-bin). Records the SVG's hash so
 * a test notices PNGs rendered from an older SVG. The outputs are committed: packaging needs
 * no renderer.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const svg = join(resources, 'icon.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function render(size) {
  return execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), svg]);
}

/** An ICO whose entries are PNGs (Windows Vista and later read these at every size). */
function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

mkdirSync(join(resources, 'icons'), { recursive: true });
const rendered = new Map(LINUX_SIZES.map((size) => [size, render(size)]));
for (const [size, data] of rendered)
  writeFileSync(join(resources, 'icons', `${size}x${size}.png`), data);
writeFileSync(join(resources, 'icon.png'), rendered.get(512));
writeFileSync(
  join(resources, 'icon.ico'),
  ico(ICO_SIZES.map((size) => ({ size, data: rendered.get(size) }))),
);
const hash = createHash('sha256').update(readFileSync(svg)).digest('hex');
// Written as Prettier would, so `npm run lint` stays green after a render.
const list = (sizes) => `[${sizes.join(', ')}]`;
writeFileSync(
  join(resources, 'icons.json'),
  `{\n  "svgSha256": "${hash}",\n  "linux": ${list(LINUX_SIZES)},\n  "ico": ${list(ICO_SIZES)}\n}\n`,
);
console.log(
  `resources/icon.png, icon.ico and icons/*.png rendered from icon.svg (${hash.slice(0, 12)})`,
);
