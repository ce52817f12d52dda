import type { ApiResult } from '../../../shared/api/errors';
import { reportAccessRefusal, launchToken, SESSION_KEY } from './transport';

/** Sends a file's bytes to the host (IPC buffer in Electron, a raw HTTP body in browser mode). */
export async function uploadFile(file: Blob): Promise<ApiResult<{ uploadId: string }>> {
  const sessionToken = sessionStorage.getItem(SESSION_KEY) ?? undefined;
  const bridge = window.loket;
  try {
    if (bridge)
      return (await bridge.upload(await file.arrayBuffer(), sessionToken)) as ApiResult<{
        uploadId: string;
      }>;
    const token = launchToken();
    const res = await fetch('/api/upload/staff', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${token}`,
        ...(sessionToken && { 'X-Loket-Session': sessionToken }),
      },
      body: file,
    });
    if (!res.ok) {
      const message = reportAccessRefusal(res.status, token) ?? 'NETWORK';
      return { ok: false, error: { code: 'INTERNAL', message } };
    }
    return (await res.json()) as ApiResult<{ uploadId: string }>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'NETWORK' } };
  }
}
