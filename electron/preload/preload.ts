/**
 * The one bridge between a page and the main process. With the sandbox on, a preload can only
 * use 'electron'; it exposes calls, never ipcRenderer itself. Which methods a window may use is
 * decided in the main process from the window that sent the message.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type LoketBridge } from '../../shared/api/bridge';

const bridge = {
  call: (method: string, input: unknown, sessionToken?: string): Promise<unknown> =>
    ipcRenderer.invoke(IPC.call, { method, input, sessionToken }),
  onPush: (listener: (event: unknown) => void): (() => void) => {
    // The page gets the event only, never the IPC event with its sender.
    const relay = (_event: IpcRendererEvent, push: unknown) => listener(push);
    ipcRenderer.on(IPC.push, relay);
    return () => {
      ipcRenderer.removeListener(IPC.push, relay);
    };
  },
  upload: (bytes: ArrayBuffer, sessionToken?: string): Promise<unknown> =>
    ipcRenderer.invoke(IPC.upload, { bytes, sessionToken }),
  openDisplayWindow: (kind: string, displayToken: string): Promise<boolean> =>
    ipcRenderer.invoke(IPC.openDisplay, { kind, displayToken }),
  enterSurveyMode: (): Promise<void> => ipcRenderer.invoke(IPC.enterSurveyMode),
  leaveSurveyMode: (username: string, pin: string): Promise<unknown> =>
    ipcRenderer.invoke(IPC.leaveSurveyMode, { username, pin }),
} satisfies LoketBridge;

contextBridge.exposeInMainWorld('loket', bridge);
