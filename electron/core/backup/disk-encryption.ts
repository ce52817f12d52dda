/**
 * Whether the disk that holds the data folder is encrypted, where the OS can tell without
 * administrator rights: Linux by the device chain under the folder's mount (a dm-crypt/LUKS
 * layer), macOS by FileVault. Elsewhere (Windows' BitLocker status needs an administrator)
 * "unknown", and the admin screen says so rather than guessing.
 */
import { execFile } from 'node:child_process';
import type { DiskEncryption } from '../../../shared/domain/backup';

type Run = (command: string, args: string[]) => Promise<string>;

const runCommand: Run = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 3000, encoding: 'utf8' }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });

/** Linux: lsblk's TYPE column for the mount's device and every device under it. */
export function linuxVerdict(source: string, lsblkTypes: string): DiskEncryption {
  if (!source.startsWith('/dev/')) return 'unknown'; // tmpfs, overlay, a network share
  const types = lsblkTypes
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
  if (types.length === 0) return 'unknown';
  return types.includes('crypt') ? 'encrypted' : 'not_encrypted';
}

export async function diskEncryptionOf(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  run: Run = runCommand,
): Promise<DiskEncryption> {
  try {
    if (platform === 'linux') {
      const source = (await run('findmnt', ['-n', '-o', 'SOURCE', '--target', dir])).trim();
      // A btrfs subvolume is named "/dev/x[/sub]".
      const device = source.replace(/\[.*\]$/, '');
      if (!device.startsWith('/dev/')) return 'unknown';
      return linuxVerdict(device, await run('lsblk', ['-s', '-n', '-o', 'TYPE,NAME', device]));
    }
    if (platform === 'darwin') {
      const out = await run('fdesetup', ['status']);
      if (/FileVault is On/i.test(out)) return 'encrypted';
      if (/FileVault is Off/i.test(out)) return 'not_encrypted';
    }
  } catch {
    // A tool that is missing or refuses: we cannot tell.
  }
  return 'unknown';
}
