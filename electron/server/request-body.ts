import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyText = { ok: true; text: string } | { ok: false; reason: 'too large' | 'aborted' };

/**
 * Reads a body of at most maxBytes as UTF-8. Past the bound it stops collecting and leaves the
 * rest unread (paused): the caller answers, then discards it with `answerThenClose`.
 */
export function readBodyText(req: IncomingMessage, maxBytes: number): Promise<BodyText> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.resolve({ ok: false, reason: 'too large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyText) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish({ ok: false, reason: 'too large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onAbort);
    req.once('close', onAbort);
  });
}

/**
 * Sends the whole answer at once, then reads and drops what the client is still sending and
 * closes only when its request is complete: closing a socket with unread bytes would make the
 * kernel reset the connection, and the client would never read the answer. A client that keeps
 * sending past maxDiscardBytes is cut off (the request timeout cuts off a slow one).
 */
export function answerThenClose(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  maxDiscardBytes: number,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  });
  if (req.complete) {
    res.end(body);
    return;
  }
  res.write(body);
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > maxDiscardBytes) req.socket.destroy();
  });
  req.once('end', () => res.end());
  req.resume();
}
