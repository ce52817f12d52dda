import type { backupMethods } from '../../../../shared/api/methods/backup';
import type { Handlers } from '../dispatcher';
import { actor, type Services } from '../services';

export function createBackupHandlers(s: Services): Pick<Handlers, keyof typeof backupMethods> {
  return {
    'backup.settings': () => s.backups.settings(),
    'backup.saveSettings': (input, caller) => s.backups.saveSettings(input, actor(caller)),
    'backup.runNow': (_input, caller) => s.backups.run('manual', actor(caller)),
    'backup.status': () => s.backups.status(),
    'backup.list': (input) => s.backups.list(input.folder, input.passphrase),
    'backup.inspect': (input) => s.backups.inspect(input),
    'backup.restore': (input, caller) => s.backups.restore(input, actor(caller)),
  };
}
