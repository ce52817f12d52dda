import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { afterPack, LOKET_FUSES, packagedExecutable } from '../../scripts/after-pack.mjs';
import { addMachineDataFolder } from '../../scripts/msi-project.mjs';
import { tempDir } from '../helpers/temp-core';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const config = parse(read('electron-builder.yml')) as Record<string, unknown> & {
  linux: Record<string, unknown>;
  win: Record<string, unknown>;
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
};
const pkg = JSON.parse(read('package.json')) as Record<string, unknown>;

function schemaErrors(candidate: unknown): string[] {
  const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate(candidate)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe('electron-builder.yml, checked offline', () => {
  it("validates against electron-builder's own JSON schema", () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('is refused by that schema when an option is misspelt (the check can fail)', () => {
    expect(schemaErrors({ ...config, nsis: { ...config.nsis, perMachin: true } })).not.toEqual([]);
  });

  it("names the maintainer the service standard publishes, the homepage and the author's e-mail (deb needs them)", () => {
    expect(config.linux.maintainer).toBe('LKPP <helpdesk-lpse@lkpp.go.id>');
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toEqual({ name: 'LKPP', email: 'helpdesk-lpse@lkpp.go.id' });
  });

  it('packages AppImage and deb on Linux, NSIS and MSI on Windows, both per machine', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('points every hook and include at a file in the repository that exports what is called', async () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(typeof afterPack).toBe('function');
    expect(config.msiProjectCreated).toBe('./scripts/msi-project.mjs');
    expect(existsSync(join(root, String(config.nsis.include)))).toBe(true);
    for (const icon of [config.win.icon, config.nsis.installerIcon, config.linux.icon]) {
      expect(existsSync(join(root, String(icon))), String(icon)).toBe(true);
    }
  });
});

describe('the Electron fuses the afterPack hook sets', () => {
  it('turns off run-as-Node, NODE_OPTIONS and --inspect; turns on cookie encryption, asar integrity and asar-only', () => {
    expect(LOKET_FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('decides every fuse @electron/fuses knows, so an unknown one stops the build', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(LOKET_FUSES).sort()).toEqual(known.sort());
  });

  it('are flipped by the hook in the binary and read back by the check the workflow runs', async () => {
    // A binary with Electron's fuse wire as Electron ships it: sentinel, version 1, 8 fuses.
    const appOutDir = tempDir();
    const exe = join(appOutDir, 'loket');
    const shipped = '10110001';
    writeFileSync(
      exe,
      Buffer.concat([
        Buffer.alloc(64, 7),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, shipped.length]),
        Buffer.from(shipped),
        Buffer.alloc(64, 7),
      ]),
    );
    const check = () =>
      spawnSync(process.execPath, [join(root, 'scripts/check-fuses.mjs'), exe], {
        encoding: 'utf8',
      });
    expect(check().status).toBe(1);
    await afterPack({
      electronPlatformName: 'linux',
      appOutDir,
      packager: { appInfo: { productFilename: 'Loket' }, executableName: 'loket' },
    });
    const after = check();
    expect(after.stdout).toContain('all fuses as set');
    expect(after.status).toBe(0);
  });

  it('flips the executable electron-builder wrote, per platform', () => {
    expect(packagedExecutable('linux', '/out', 'Loket', 'loket')).toBe('/out/loket');
    expect(packagedExecutable('win32', '/out', 'Loket', 'Loket')).toBe('/out/Loket.exe');
    expect(packagedExecutable('darwin', '/out', 'Loket', 'Loket')).toBe('/out/Loket.app');
  });
});

describe('the per-machine data folder and the kiosk option in the installers', () => {
  it('NSIS: a page for the folder (default ProgramData), its permissions, the machine file, kiosk at login', () => {
    const nsh = read(String(config.nsis.include));
    expect(nsh).toContain('!macro customPageAfterChangeDir');
    expect(nsh).toContain('ReadEnvStr $0 PROGRAMDATA');
    expect(nsh).toContain('*S-1-5-32-545:(OI)(CI)M');
    expect(nsh).toContain('$INSTDIR\\loket-machine.json');
    expect(nsh).toMatch(/CreateShortCut "\$SMSTARTUP\\Loket \(kios\)\.lnk" .* "--kiosk"/);
    // Uninstalling keeps the office's database.
    expect(nsh.slice(nsh.indexOf('!macro customUnInstall'))).not.toMatch(/RMDir[^\n]*LoketDataDir/);
  });

  it("MSI: adds a permanent %ProgramData%\\Loket writable by Users to electron-builder's WiX template", () => {
    const template = read('node_modules/app-builder-lib/templates/msi/template.xml');
    const wxs = addMachineDataFolder(template);
    expect(wxs).toContain(
      '<Directory Id="CommonAppDataFolder"><Directory Id="LOKETDATA" Name="Loket"/>',
    );
    expect(wxs).toContain('<ComponentRef Id="LoketMachineData"/>');
    expect(wxs).toMatch(/<Component Id="LoketMachineData" [^>]*Permanent="yes"/);
    expect(wxs).toMatch(/<Permission User="Users" [^>]*GenericWrite="yes"/);
    expect(wxs.indexOf('LoketMachineData"')).toBeLessThan(wxs.lastIndexOf('</Product>'));
    expect(() => addMachineDataFolder('<Wix/>')).toThrow(/not found/);
  });
});

describe('the icons in resources/', () => {
  const manifest = JSON.parse(read('resources/icons.json')) as {
    svgSha256: string;
    linux: number[];
    ico: number[];
  };

  it('were rendered from the current icon.svg (npm run build:icons after changing it)', () => {
    const svg = readFileSync(join(root, 'resources/icon.svg'));
    expect(svg.toString()).toContain('<svg');
    expect(createHash('sha256').update(svg).digest('hex')).toBe(manifest.svgSha256);
  });

  it('give Linux every size from 16 to 512, each PNG its stated size', () => {
    expect(manifest.linux).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const size of manifest.linux) {
      expect(pngSize(readFileSync(join(root, `resources/icons/${size}x${size}.png`)))).toEqual([
        size,
        size,
      ]);
    }
    expect(pngSize(readFileSync(join(root, 'resources/icon.png')))).toEqual([512, 512]);
  });

  it('give Windows one ICO with 16 to 256 (256 stored as 0), each entry a PNG', () => {
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = ico.readUInt8(entry) || 256;
      const offset = ico.readUInt32LE(entry + 12);
      const png = ico.subarray(offset, offset + ico.readUInt32LE(entry + 8));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(pngSize(png)).toEqual([width, width]);
      sizes.push(width);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});

describe('the desktop workflow', () => {
  const workflow = parse(read('.github/workflows/desktop.yml')) as {
    jobs: Record<
      string,
      { 'runs-on': string; needs?: string | string[]; steps: { run?: string }[] }
    >;
  };
  const runs = (job: string) =>
    (workflow.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');

  it('tests on Linux with .ci/run, then packages on Linux and Windows', () => {
    expect(runs('test')).toContain('bash .ci/run');
    expect(workflow.jobs['package-linux']?.['runs-on']).toBe('ubuntu-latest');
    expect(workflow.jobs['package-windows']?.['runs-on']).toBe('windows-latest');
    expect(runs('package-linux')).toContain('electron-builder --linux AppImage deb');
    expect(runs('package-windows')).toContain('electron-builder --win nsis msi');
  });

  it('reads the fuses back and runs the smoke project on each packaged app, then publishes checksums', () => {
    for (const job of ['package-linux', 'package-windows']) {
      expect(runs(job)).toMatch(/node scripts\/check-fuses\.mjs \S+(?!--enable)/);
      expect(runs(job)).toContain('--enable-inspect-for-smoke-test');
      expect(runs(job)).toContain('playwright test --project=electron-smoke');
    }
    expect(runs('checksums')).toContain('SHA256SUMS.txt');
    expect(runs('checksums')).toContain('sha256sum -c');
  });
});
