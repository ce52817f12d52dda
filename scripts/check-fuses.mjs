#!/usr/bin/env node
/**
 * Reads the Electron fuses back from a packaged app and fails unless they are exactly what
 * scripts/after-pack.mjs sets (the workflow runs it on every packaged executable):
 *   node scripts/check-fuses.mjs <executable>
 * Playwright's _electron needs the inspect fuse on; the smoke test runs on a COPY of the app:
 *   node scripts/check-fuses.mjs <executable of the copy> --enable-inspect-for-smoke-test
 */
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

// The wire's bytes: '1' on, '0' off (@electron/fuses does not export its FuseState).
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);
import { LOKET_FUSES } from './after-pack.mjs';

const [exe, mode] = process.argv.slice(2);
if (!exe) {
  console.error(
    'usage: node scripts/check-fuses.mjs <executable> [--enable-inspect-for-smoke-test]',
  );
  process.exit(2);
}

if (mode === '--enable-inspect-for-smoke-test') {
  await flipFuses(exe, {
    version: FuseVersion.V1,
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
  });
  console.log(`${exe}: EnableNodeCliInspectArguments on (smoke-test copy only)`);
  process.exit(0);
}

const wire = await getCurrentFuseWire(exe);
const wrong = Object.entries(LOKET_FUSES).filter(([name, on]) => {
  const state = wire[FuseV1Options[name]];
  return state !== (on ? ON : OFF);
});
for (const [name, on] of Object.entries(LOKET_FUSES)) {
  console.log(
    `${name}: ${wire[FuseV1Options[name]] === ON ? 'on' : 'off'} (want ${on ? 'on' : 'off'})`,
  );
}
if (wrong.length > 0) {
  console.error(
    `${exe}: fuses not as scripts/after-pack.mjs sets them: ${wrong.map(([n]) => n).join(', ')}`,
  );
  process.exit(1);
}
console.log(`${exe}: all fuses as set`);
