/**
 * electron-builder's afterPack hook: flips the Electron fuses of the packaged binary before it is
 * signed, turning off what Loket does not need (running as plain Node, NODE_OPTIONS, --inspect)
 * and making Electron load only the integrity-checked app.asar. The workflow reads them back
 * from each packaged app (`npx @electron/fuses read --app …`).
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every V1 fuse, decided: a fuse Electron adds later makes flipFuses refuse until it is decided. */
export const LOKET_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  GrantFileProtocolExtraPrivileges: false,
  LoadBrowserProcessSpecificV8Snapshot: false,
};

/** The packaged executable electron-builder just wrote, per platform. */
export function packagedExecutable(platform, appOutDir, productFilename, executableName) {
  if (platform === 'darwin') return join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

export async function afterPack(context) {
  const platform = context.electronPlatformName;
  const { productFilename } = context.packager.appInfo;
  // Only the Linux packager names its executable apart from the product (`loket`).
  const executableName = context.packager.executableName ?? productFilename;
  const exe = packagedExecutable(platform, context.appOutDir, productFilename, executableName);
  const fuses = Object.fromEntries(
    Object.entries(LOKET_FUSES).map(([name, on]) => [FuseV1Options[name], on]),
  );
  await flipFuses(exe, {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: platform === 'darwin',
    ...fuses,
  });
  console.log(`Electron fuses set on ${exe}`);
}
