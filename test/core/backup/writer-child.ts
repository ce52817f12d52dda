/**
 * A separate process that works a desk through Loket's HTTP API while a backup runs: it checks
 * visitors in and, for every other one, opens a case and attaches a document of its own. Each
 * write is reported on stdout only after Loket answered ok ("VISIT <id>", "DOC <caseId> <sha256>"):
 * what a receptionist or officer would have been told was saved. Stops when its stdin closes.
 * Arguments: baseUrl launchToken username pin
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { currentNotice } from '../../../shared/domain/privacy-notice';

const [baseUrl, launchToken, username, pin] = process.argv.slice(2);
if (!baseUrl || !launchToken || !username || !pin)
  throw new Error('usage: writer-child url token user pin');

let stopping = false;
process.stdin.on('data', () => {});
process.stdin.on('end', () => (stopping = true));

const auth: { session?: string } = {};
async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api/staff/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${launchToken}`,
      ...(auth.session && { 'X-Loket-Session': auth.session }),
    },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

async function upload(bytes: Uint8Array): Promise<string> {
  const res = await fetch(`${baseUrl}/api/upload/staff`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      Authorization: `Bearer ${launchToken}`,
      'X-Loket-Session': auth.session ?? '',
    },
    body: Buffer.from(bytes),
  });
  const body = (await res.json()) as {
    ok: boolean;
    value?: { uploadId: string };
    uploadId?: string;
  };
  const id = body.value?.uploadId ?? body.uploadId;
  if (!id) throw new Error(`upload: ${JSON.stringify(body)}`);
  return id;
}

async function documentFor(i: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText(`NIB ${process.pid}-${i}`, { x: 20, y: 100, size: 14 });
  return doc.save();
}

auth.session = (await call<{ sessionToken: string }>('auth.login', { username, pin })).sessionToken;
process.stdout.write('READY\n');

for (let i = 0; !stopping; i++) {
  const { visitId } = await call<{ visitId: number }>('visit.checkIn', {
    fullName: `Pengunjung ${i}`,
    phone: `0812${String(i).padStart(8, '0')}`,
    purpose: 'Uji cadangan',
    noticeDelivery: 'read_out' as const,
    noticeVersion: currentNotice().version,
  });
  process.stdout.write(`VISIT ${visitId}\n`);
  if (i % 2 === 1) {
    const next = await call<{ visitId: number } | null>('queue.callNext', {});
    if (!next) throw new Error('nobody waiting');
    await call('queue.start', { visitId: next.visitId });
    const { caseId } = await call<{ caseId: number }>('case.create', { visitId: next.visitId });
    const bytes = await documentFor(i);
    const uploadId = await upload(bytes);
    await call('case.attachUpload', {
      caseId,
      uploadId,
      originalName: `NIB-${i}.pdf`,
      kind: 'business_licence',
      source: 'file',
    });
    const sha = createHash('sha256').update(bytes).digest('hex');
    process.stdout.write(`DOC ${caseId} ${sha}\n`);
    await call('queue.end', { visitId: next.visitId });
  }
}
process.exit(0);
