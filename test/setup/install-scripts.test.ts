import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

describe('npm ci on a machine without internet', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));

  it('decides every install script in the lock file, so none runs unreviewed', () => {
    const undecided = withScripts.filter((name) => pkg.allowScripts?.[name] === undefined);
    expect(undecided).toEqual([]);
  });

  it("never runs electron's binary download, which fails offline and aborts the install", () => {
    // Electron 45 has no install script (it downloads when first required, which Loket never
    // does: electron/electron-binary.ts); should one come back, it stays off.
    expect(pkg.allowScripts?.electron).toBe(false);
    if (withScripts.includes('electron')) expect(pkg.allowScripts?.electron).toBe(false);
  });

  it('CI installs the way the README says, with no variable that hides a download', () => {
    expect(readFileSync('.ci/run', 'utf8')).not.toMatch(
      /ELECTRON_SKIP_BINARY_DOWNLOAD|PLAYWRIGHT_SKIP/,
    );
  });

  it('CI installs its clean clone once, before npm test, with an empty cache and no variables', () => {
    const run = readFileSync('.ci/run', 'utf8');
    const fresh = run.indexOf('bash test/setup/fresh-install.sh --in-place');
    expect(fresh).toBeGreaterThan(-1);
    expect(fresh).toBeLessThan(run.indexOf('npm test'));
    // A second `npm ci` with the CI's own environment would replace the install just proven.
    expect(run).not.toMatch(/^npm ci/m);
    const script = readFileSync('test/setup/fresh-install.sh', 'utf8');
    expect(script).toMatch(/env -i PATH="\$PATH" HOME="\$HOME" npm ci --cache "\$work\/npm-cache"/);
    expect(script).toContain('git clone');
  });
});
