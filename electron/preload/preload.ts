/**
 * The one bridge between a page and the main process. With the sandbox on, a preload can only
 * use 'electron'; it exposes calls, never ipcRenderer itself. Which methods a window may use is
 * decided in the main process from the window that sent the message.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('loket', {
  call: (method: string, input: unknown, sessionToken?: string): Promise<unknown> =>
    ipcRenderer.invoke('loket:call', { method, input, sessionToken }),
  upload: (bytes: ArrayBuffer, sessionToken?: string): Promise<unknown> =>
    ipcRenderer.invoke('loket:upload', { bytes, sessionToken }),
  openSurveyWindow: (displayToken: string): Promise<boolean> =>
    ipcRenderer.invoke('loket:openSurvey', { displayToken }),
  enterSurveyMode: (): Promise<void> => ipcRenderer.invoke('loket:enterSurveyMode'),
  leaveSurveyMode: (username: string, pin: string): Promise<unknown> =>
    ipcRenderer.invoke('loket:leaveSurveyMode', { username, pin }),
});
