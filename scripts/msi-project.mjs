/**
 * electron-builder's msiProjectCreated hook: the MSI (what Group Policy deploys) creates the
 * machine's shared data folder, %ProgramData%\Loket, writable by every Windows account on the
 * desk PC (Administrators and SYSTEM keep full control). The app uses that folder when it exists
 * and no other was chosen. The NSIS installer does the same in resources/installer.nsh.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const COMPONENT_GUID = '{6B7E2C1A-3F0D-4C8E-9B5A-2D4F1E8C7A90}';

function insertAfter(text, anchor, insertion) {
  const at = text.indexOf(anchor);
  if (at < 0)
    throw new Error(`msi-project: "${anchor}" not found in electron-builder's WiX project`);
  return text.slice(0, at + anchor.length) + insertion + text.slice(at + anchor.length);
}

/** Adds the data folder and its permissions to electron-builder's WiX project text. */
export function addMachineDataFolder(wxs) {
  let out = insertAfter(
    wxs,
    '<Directory Id="TARGETDIR" Name="SourceDir">',
    '\n      <Directory Id="CommonAppDataFolder"><Directory Id="LOKETDATA" Name="Loket"/></Directory>',
  );
  out = insertAfter(
    out,
    '<ComponentGroupRef Id="ProductComponents"/>',
    '\n      <ComponentRef Id="LoketMachineData"/>',
  );
  const closing = out.lastIndexOf('</Product>');
  if (closing < 0) throw new Error('msi-project: </Product> not found');
  const component = `
    <DirectoryRef Id="LOKETDATA">
      <Component Id="LoketMachineData" Guid="${COMPONENT_GUID}" Permanent="yes">
        <CreateFolder>
          <Permission User="Administrators" GenericAll="yes"/>
          <Permission User="SYSTEM" GenericAll="yes"/>
          <Permission User="Users" GenericRead="yes" GenericWrite="yes" GenericExecute="yes" Delete="yes"/>
        </CreateFolder>
      </Component>
    </DirectoryRef>
  `;
  return out.slice(0, closing) + component + out.slice(closing);
}

export async function msiProjectCreated(projectFile) {
  writeFileSync(projectFile, addMachineDataFolder(readFileSync(projectFile, 'utf8')));
}
