import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../../shared/domain/privacy-notice';
import type { CheckInInput } from '../../../shared/domain/visit';
import { decodeEscPos, printedText, type DecodedJob } from '../../helpers/escpos-decode';
import { escalateCase } from '../../helpers/escalate';
import { closedPort, startFakePrinter, type FakePrinter } from '../../helpers/fake-printer';
import { cleanup, startWithAdmin, type TestCore } from '../../helpers/temp-core';

let t: TestCore;
let printer: FakePrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
  await cleanup(t);
});

const visitor = (extra: Partial<CheckInInput> = {}): CheckInInput => ({
  fullName: 'Budi Santoso',
  phone: '081234567890',
  purpose: 'Konsultasi SPSE',
  noticeDelivery: 'read_out' as const,
  noticeVersion: currentNotice().version,
  ...extra,
});

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

async function withThermal(width: 58 | 80, paper: 'ok' | 'out' | 'silent' = 'ok') {
  printer = await startFakePrinter(paper);
  await t.must('printer.save', { kind: 'thermal', address: printer.address, width });
  return printer;
}

async function printed(target: Parameters<TestCore['must']>[1]): Promise<DecodedJob> {
  const job = printer!.nextJob();
  await t.must(
    'slip.print',
    target as { target: { kind: 'queue'; visitId: number }; reprint: boolean },
  );
  return decodeEscPos(await job);
}

describe('the queue slip on a network thermal printer', () => {
  it('prints the number large, the date and time in WIB, the call instruction and the data notice', async () => {
    t = await startWithAdmin();
    await withThermal(80);
    const { visitId } = await t.must(
      'visit.checkIn',
      visitor({ priority: true, priorityReason: 'lanjut_usia' }),
    );
    const job = await printed({ target: { kind: 'queue', visitId }, reprint: false });
    // Reset before (and, as the library does, after) the one cut.
    expect(job.resets).toBeGreaterThanOrEqual(1);
    expect(job.cuts).toBe(1);
    const number = job.lines.find((l) => l.text === 'K-001');
    expect(number).toMatchObject({ bold: true, size: 0x30, align: 'center' });
    // The test clock is 02:00 UTC on Tuesday 24 November 2026: 09.00 WIB.
    expect(printedText(job)).toBe(
      'LKPP - Layanan Konsultasi SPSE NOMOR ANTREAN K-001 Prioritas: Lanjut usia ' +
        'Selasa, 24 November 2026 Pukul 09.00 WIB Tunjukkan nomor ini saat dipanggil. ' +
        'Data Anda diproses LKPP hanya untuk melayani konsultasi SPSE dan menindaklanjutinya, ' +
        'disimpan 2 tahun lalu dianonimkan (UU 27/2022).',
    );
    expect(Math.max(...job.lines.map((l) => l.text.length))).toBeLessThanOrEqual(48);
    const view = await t.must('slip.get', { target: { kind: 'queue', visitId } });
    expect(view.printedCount).toBe(1);
  });

  it('fits 58 mm paper: no line longer than its 32 characters', async () => {
    t = await startWithAdmin();
    await withThermal(58);
    const { visitId } = await t.must('visit.checkIn', visitor());
    const job = await printed({ target: { kind: 'queue', visitId }, reprint: false });
    expect(job.lines.map((l) => l.text.length).filter((n) => n > 32)).toEqual([]);
    expect(job.lines.some((l) => l.text === '-'.repeat(32))).toBe(true);
    expect(printedText(job)).toContain('K-001 Selasa, 24 November 2026 Pukul 09.00 WIB');
    expect(printedText(job)).not.toContain('Prioritas');
  });

  it('asks before a reprint: refused without it, nothing sent, and recorded as a reprint with it', async () => {
    t = await startWithAdmin();
    await withThermal(80);
    const { visitId } = await t.must('visit.checkIn', visitor());
    const target = { kind: 'queue', visitId } as const;
    await printed({ target, reprint: false });
    expect(code(await t.call('slip.print', { target, reprint: false }))).toBe(
      'SLIP_ALREADY_PRINTED',
    );
    expect(code(await t.call('slip.pdf', { target, reprint: false, width: 80 }))).toBe(
      'SLIP_ALREADY_PRINTED',
    );
    expect(printer!.jobs).toHaveLength(1);
    const again = await printed({ target, reprint: true });
    expect(printedText(again)).toContain('K-001');
    const rows = t.core.db
      .prepare('SELECT kind, via, reprint FROM slip_print WHERE visit_id = ? ORDER BY id')
      .all(visitId);
    expect(rows).toEqual([
      { kind: 'queue', via: 'thermal', reprint: 0 },
      { kind: 'queue', via: 'thermal', reprint: 1 },
    ]);
    expect((await t.must('slip.get', { target })).printedCount).toBe(2);
  });
});

describe('the receipt of an escalated case', () => {
  it('prints the case number, the 1 x 24-hour promise and how to follow up', async () => {
    t = await startWithAdmin();
    await withThermal(80);
    const { caseId, caseCode } = await escalateCase(t);
    const job = printer!.nextJob();
    await t.must('slip.print', { target: { kind: 'case', caseId }, reprint: false });
    const decoded = decodeEscPos(await job);
    const text = printedText(decoded);
    expect(decoded.lines.find((l) => l.text === caseCode)).toMatchObject({
      bold: true,
      size: 0x10,
    });
    expect(text).toBe(
      `LKPP - Layanan Konsultasi SPSE TANDA TERIMA PERMASALAHAN Nomor kasus: ${caseCode} ` +
        'Diteruskan ke helpdesk: Selasa, 24 November 2026, pukul 09.00 WIB ' +
        'Nomor antrean: K-001 ' +
        'Permasalahan Anda ditindaklanjuti helpdesk LKPP dalam 1 x 24 jam. ' +
        'Untuk menanyakan tindak lanjutnya, sebutkan nomor kasus di atas: ' +
        'Call center 144 atau 021-29935577 Email helpdesk-lpse@lkpp.go.id ' +
        'Data Anda diproses LKPP hanya untuk melayani konsultasi SPSE dan menindaklanjutinya, ' +
        'disimpan 2 tahun lalu dianonimkan (UU 27/2022).',
    );
  });

  it('is refused for a case not handed to the helpdesk', async () => {
    t = await startWithAdmin();
    await withThermal(80);
    const { visitId } = await t.must('visit.checkIn', visitor());
    await t.must('queue.callNext', {});
    await t.must('queue.start', { visitId });
    const c = await t.must('case.create', { visitId });
    const r = await t.call('slip.print', {
      target: { kind: 'case', caseId: c.caseId },
      reprint: false,
    });
    expect(code(r)).toBe('CASE_NOT_ESCALATED');
    expect(printer!.jobs).toEqual([]);
  });
});

describe('a printer that fails', () => {
  it('is unreachable: a coded error, the check-in saved, and the slip printable later', async () => {
    t = await startWithAdmin();
    await t.must('printer.save', { kind: 'thermal', address: await closedPort(), width: 80 });
    const { visitId } = await t.must('visit.checkIn', visitor());
    const target = { kind: 'queue', visitId } as const;
    const r = await t.call('slip.print', { target, reprint: false });
    expect(code(r)).toBe('PRINTER_UNREACHABLE');
    expect(!r.ok && r.error.message).toMatch(/tidak terjangkau.*cetak ulang slip/);
    expect((await t.must('visit.listForDay', {})).visits.map((v) => v.queueLabel)).toEqual([
      'K-001',
    ]);
    expect((await t.must('slip.get', { target })).printedCount).toBe(0);
    // The printer is back (at another address): the first print is not a reprint.
    await withThermal(80);
    expect(printedText(await printed({ target, reprint: false }))).toContain('K-001');
  });

  it('is out of paper: said so, and nothing is sent or recorded', async () => {
    t = await startWithAdmin();
    await withThermal(80, 'out');
    const { visitId } = await t.must('visit.checkIn', visitor());
    const target = { kind: 'queue', visitId } as const;
    expect(code(await t.call('slip.print', { target, reprint: false }))).toBe('PRINTER_NO_PAPER');
    expect(printer!.jobs).toEqual([]);
    expect((await t.must('slip.get', { target })).printedCount).toBe(0);
  });

  it('prints to a printer that never answers the paper status query', async () => {
    t = await startWithAdmin();
    await withThermal(80, 'silent');
    const { visitId } = await t.must('visit.checkIn', visitor());
    expect(
      printedText(await printed({ target: { kind: 'queue', visitId }, reprint: false })),
    ).toContain('K-001');
  });

  it('is not set up: the thermal print says so and points to the PDF', async () => {
    t = await startWithAdmin();
    expect(await t.must('printer.get', {})).toEqual({ kind: 'pdf', width: 80 });
    const { visitId } = await t.must('visit.checkIn', visitor());
    expect(
      code(await t.call('slip.print', { target: { kind: 'queue', visitId }, reprint: false })),
    ).toBe('PRINTER_NOT_CONFIGURED');
  });
});

describe('printer settings', () => {
  it('keeps kind, address and width; refuses a malformed address', async () => {
    t = await startWithAdmin();
    const bad = await t.call('printer.save', { kind: 'thermal', address: 'http://x/', width: 58 });
    expect(!bad.ok && bad.error.fields).toEqual({ address: 'validation.printerAddress' });
    await t.must('printer.save', { kind: 'thermal', address: '192.168.1.50', width: 58 });
    expect(await t.must('printer.get', {})).toEqual({
      kind: 'thermal',
      address: '192.168.1.50',
      width: 58,
    });
  });
});

describe('the PDF slip', () => {
  it('is as wide as the paper and says what the thermal slip says', async () => {
    t = await startWithAdmin();
    const { visitId } = await t.must(
      'visit.checkIn',
      visitor({ priority: true, priorityReason: 'ibu_hamil' }),
    );
    const file = await t.must('slip.pdf', {
      target: { kind: 'queue', visitId },
      reprint: false,
      width: 58,
    });
    expect(file.fileName).toBe('slip-antrean-K-001.pdf');
    expect(file.printedCount).toBe(1);
    const pdf = join(t.dataDir, file.fileName);
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'NOMOR ANTREAN',
      'K-001',
      'Prioritas: Ibu hamil',
      'Selasa, 24 November 2026',
      'Pukul 09.00 WIB',
      'Tunjukkan nomor ini saat dipanggil.',
      'LKPP · Layanan Konsultasi SPSE',
    ]) {
      expect(text).toContain(expected);
    }
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(Number(/Page size:\s+([\d.]+) x/.exec(info)?.[1])).toBeCloseTo((58 * 72) / 25.4, 1);
    const rows = t.core.db.prepare('SELECT via FROM slip_print WHERE visit_id = ?').all(visitId);
    expect(rows).toEqual([{ via: 'pdf' }]);
    if (process.env.LOKET_SHOTS) {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '200',
        pdf,
        join(process.env.LOKET_SHOTS, 'slip-queue-58mm'),
      ]);
    }
  });

  it('gives the case receipt with its number and the follow-up contacts', async () => {
    t = await startWithAdmin();
    const { caseId, caseCode } = await escalateCase(t);
    const file = await t.must('slip.pdf', {
      target: { kind: 'case', caseId },
      reprint: false,
      width: 80,
    });
    expect(file.fileName).toBe(`tanda-terima-${caseCode}.pdf`);
    const pdf = join(t.dataDir, file.fileName);
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(caseCode);
    expect(text).toContain('1 × 24 jam');
    expect(text).toContain('Call center 144 atau 021-29935577');
    expect(text).toContain('Email helpdesk-lpse@lkpp.go.id');
    if (process.env.LOKET_SHOTS) {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '200',
        pdf,
        join(process.env.LOKET_SHOTS, 'slip-case-80mm'),
      ]);
    }
  });
});
