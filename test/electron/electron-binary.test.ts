import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  downloadHostReachable,
  findOrFetchElectron,
  installedElectronBinary,
} from '../../electron/electron-binary';

describe("npm start and Electron's binary", () => {
  it("reads the binary from the package's path.txt and never downloads to find out", () => {
    const pkg = mkdtempSync(join(tmpdir(), 'loket-electron-pkg-'));
    // No path.txt: Electron's own require('electron') would start a download here.
    expect(installedElectronBinary(pkg)).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(installedElectronBinary(pkg)).toBeNull();
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(installedElectronBinary(pkg)).toBe(join(pkg, 'dist', 'electron'));
  });

  it('sees the download host when it answers at all, and not when nothing listens', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await downloadHostReachable({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` })).toBe(
        true,
      );
    } finally {
      server.close();
    }
    expect(await downloadHostReachable({ ELECTRON_MIRROR: 'http://127.0.0.1:9/' }, 2_000)).toBe(
      false,
    );
  });

  it.skipIf(installedElectronBinary() !== null)(
    'without a binary and without a reachable host: no download attempted, no line, browser mode',
    async () => {
      const lines: string[] = [];
      expect(
        await findOrFetchElectron((l) => lines.push(l), { ELECTRON_MIRROR: 'http://127.0.0.1:9/' }),
      ).toBeNull();
      expect(lines).toEqual([]);
    },
  );
});
