import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { ErrorCode } from '../../shared/api/errors';
import { translate, type Locale } from '../../shared/i18n/messages';
import { AppError } from '../core/errors';
import { answerThenClose } from './request-body';

export interface UploadAnswer {
  locale: Locale;
  jsonHeaders: Record<string, string>;
  maxDiscardedBodyBytes: number;
  /** Reads the body and answers the staged upload's id; throws an AppError to refuse it. */
  stage: (body: Readable) => Promise<string>;
}

/**
 * Stages a document's upload and answers `{ ok, value: { uploadId } }` or a coded refusal, the
 * same on the browser-mode host and the hub's LAN host. Staging reads a copy of the stream: when
 * it refuses (too large, cap reached) it destroys its copy, and the request itself stays open so
 * the refusal can still be answered before the connection closes.
 */
export async function answerUpload(
  req: IncomingMessage,
  res: ServerResponse,
  answer: UploadAnswer,
): Promise<void> {
  const body = new PassThrough();
  req.pipe(body);
  try {
    const uploadId = await answer.stage(body);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(200, answer.jsonHeaders);
    res.end(JSON.stringify({ ok: true, value: { uploadId } }));
  } catch (err) {
    req.unpipe(body);
    const code: ErrorCode = err instanceof AppError ? err.code : 'INTERNAL';
    const result = {
      ok: false,
      error: { code, message: translate(answer.locale, `errors.${code}`) },
    };
    answerThenClose(
      req,
      res,
      200,
      answer.jsonHeaders,
      JSON.stringify(result),
      answer.maxDiscardedBodyBytes,
    );
  }
}
