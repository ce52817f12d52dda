/**
 * `npx tsx electron/unlock-staff.ts [--data-dir DIR] USERNAME` on the desk computer: lifts the
 * lock-out of one staff account (for when the only administrator is locked out). Works while
 * Loket runs.
 */
import { homedir } from 'node:os';
import { unlockAtDesk } from './core/auth/desk-recovery';
import { chooseDataDir, defaultDataDir } from './server/data-dir';

const args = process.argv.slice(2);
const dataDir = chooseDataDir(
  args,
  process.env,
  defaultDataDir(process.platform, process.env, homedir()),
);
const username = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--data-dir').at(-1);
if (!username) {
  console.error('Pakai: npx tsx electron/unlock-staff.ts [--data-dir FOLDER] NAMA_PENGGUNA');
  process.exit(2);
}
const result = unlockAtDesk(dataDir, username);
console.log(
  result === 'unlocked'
    ? `Kunci akun ${username} sudah dibuka (${dataDir}).`
    : `Nama pengguna ${username} tidak ada di ${dataDir}.`,
);
process.exit(result === 'unlocked' ? 0 : 1);
