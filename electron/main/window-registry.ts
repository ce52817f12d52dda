import type { WindowKind } from '../../shared/domain/roles';

/**
 * Which kind of window each webContents is, as the main process created it. An IPC call's window
 * kind comes from here, never from the message, so a page cannot promote itself.
 */
export class WindowRegistry {
  private readonly kinds = new Map<number, WindowKind>();

  register(webContentsId: number, kind: WindowKind): void {
    this.kinds.set(webContentsId, kind);
  }

  kindOf(webContentsId: number): WindowKind | undefined {
    return this.kinds.get(webContentsId);
  }

  /** Every registered window with its kind. */
  entries(): IterableIterator<[number, WindowKind]> {
    return this.kinds.entries();
  }

  forget(webContentsId: number): void {
    this.kinds.delete(webContentsId);
  }
}
