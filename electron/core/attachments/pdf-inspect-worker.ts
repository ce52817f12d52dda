/**
 * The PDF check, in a worker thread with its own heap limit that the host terminates when it
 * takes too long: a hostile PDF can then cost this thread, never the host's.
 * Messages in: { id, bytes, maxInflatedBytes }; out: { id, verdict }.
 */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { ACTIVE_PDF_NAMES, checkPdfBytes, decodePdfName, type PdfVerdict } from './pdf-structure';

const jobSchema = z.object({
  id: z.number().int(),
  bytes: z.instanceof(Uint8Array),
  maxInflatedBytes: z.number().int().positive(),
});

// Loaded once per worker: the library takes most of a second to load.
const pdfLib = import('pdf-lib');

async function inspect(bytes: Buffer, maxInflatedBytes: number): Promise<PdfVerdict> {
  const structure = checkPdfBytes(bytes, maxInflatedBytes);
  if (!structure.ok) return structure;
  const { PDFDocument, PDFDict, PDFArray, PDFName, PDFStream } = await pdfLib;
  let doc;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (err) {
    return { ok: false, code: 'ATTACHMENT_DAMAGED', detail: String(err).slice(0, 200) };
  }
  // The same names again, on the objects as the library built them (escapes decoded, object
  // streams unpacked), in case the byte scan was fooled by the file's layout.
  const seen = new Set<unknown>();
  const stack: unknown[] = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  while (stack.length > 0) {
    const object = stack.pop();
    if (seen.has(object)) continue;
    seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      for (const [key, value] of dict.entries()) {
        const name = decodePdfName(key.asString().slice(1));
        if (ACTIVE_PDF_NAMES.has(name))
          return { ok: false, code: 'ATTACHMENT_PDF_ACTIVE_CONTENT', detail: `/${name}` };
        stack.push(value);
      }
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    } else if (object instanceof PDFName) {
      const name = decodePdfName(object.asString().slice(1));
      if (ACTIVE_PDF_NAMES.has(name))
        return { ok: false, code: 'ATTACHMENT_PDF_ACTIVE_CONTENT', detail: `/${name}` };
    }
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch (err) {
    return { ok: false, code: 'ATTACHMENT_DAMAGED', detail: String(err).slice(0, 200) };
  }
  if (pages < 1) return { ok: false, code: 'ATTACHMENT_DAMAGED', detail: 'no pages' };
  return { ok: true, pages };
}

parentPort?.on('message', (message: unknown) => {
  const job = jobSchema.parse(message);
  void inspect(
    Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength),
    job.maxInflatedBytes,
  ).then(
    (verdict) => parentPort?.postMessage({ id: job.id, verdict }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        verdict: { ok: false, code: 'ATTACHMENT_DAMAGED', detail: String(err).slice(0, 200) },
      }),
  );
});
