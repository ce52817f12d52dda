import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is a file of our own origin: the strict CSP allows nothing else.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders the first page of a PDF to a PNG data URL for a thumbnail, or null if it cannot. */
export async function renderFirstPage(base64: string, widthPx = 160): Promise<string | null> {
  try {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    // No eval under our CSP: pdf.js then draws fonts without compiling them.
    const pdf = await getDocument({ data, isEvalSupported: false }).promise;
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale: 1 });
    const scaled = page.getViewport({ scale: widthPx / viewport.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(scaled.width);
    canvas.height = Math.ceil(scaled.height);
    await page.render({ canvas, viewport: scaled }).promise;
    const url = canvas.toDataURL('image/png');
    await pdf.destroy();
    return url;
  } catch {
    return null;
  }
}
