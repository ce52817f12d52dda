import { z } from 'zod';
import {
  DEFAULT_RETENTION_YEARS,
  retentionSettingsSchema,
  type RetentionSettings,
} from './retention';

/**
 * The processing notice (Pemberitahuan Pemrosesan Data Pribadi) a visitor is given before their
 * data is recorded. The guest book and the case rest on UU 27/2022 Pasal 20 ayat (2) huruf e
 * (pelayanan publik), not on consent, so the service never depends on a tick: the notice informs,
 * as Pasal 21 ayat (1) requires. Each text is kept as data with a version; a visit stores the
 * version it was given, how, and when. A changed text gets a new version and keeps the old ones.
 *
 * The retention section states the periods the administrator set (retention-settings), so the
 * text is a function of a base text and those periods. Its version names both ("2026-12-n2-r2.3.1":
 * base n2, guest book 2, cases 3, documents 1 years): a visit's stored version is enough to
 * rebuild, word for word, the text that visitor was given, and changing a period changes it.
 */
export const NOTICE_SECTION_KEYS = [
  'controller',
  'legalBasis',
  'purposes',
  'data',
  'recipients',
  'retention',
  'rights',
] as const;
export type NoticeSectionKey = (typeof NOTICE_SECTION_KEYS)[number];

export interface Localized {
  id: string;
  en: string;
}

export interface PrivacyNotice {
  version: string;
  title: Localized;
  sections: Readonly<Record<NoticeSectionKey, { heading: Localized; body: Localized }>>;
}

const localizedSchema = z.object({ id: z.string(), en: z.string() });
export const privacyNoticeSchema = z.object({
  version: z.string(),
  title: localizedSchema,
  sections: z.record(
    z.enum(NOTICE_SECTION_KEYS),
    z.object({ heading: localizedSchema, body: localizedSchema }),
  ),
}) satisfies z.ZodType<PrivacyNotice>;

/** How the notice reached the visitor at check-in. */
export const NOTICE_DELIVERIES = ['visitor_screen', 'read_out', 'printed'] as const;
export const noticeDeliverySchema = z.enum(NOTICE_DELIVERIES, {
  error: 'validation.noticeDelivery',
});
export type NoticeDelivery = z.infer<typeof noticeDeliverySchema>;

/** The controller's contact for rights requests: the desk itself and LKPP's helpdesk address. */
export const CONTROLLER_CONTACT = 'helpdesk-lpse@lkpp.go.id';

/** Texts given before the periods followed the settings: kept word for word for old visits. */
const FIXED_NOTICES: readonly PrivacyNotice[] = [
  {
    version: '2026-12-n1',
    title: {
      id: 'Pemberitahuan Pemrosesan Data Pribadi',
      en: 'Personal Data Processing Notice',
    },
    sections: {
      controller: {
        heading: { id: 'Pengendali data pribadi', en: 'Data controller' },
        body: {
          id:
            'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP), melalui Layanan Konsultasi ' +
            `Tatap Muka Dukungan Penggunaan SPSE. Kontak: penyelia layanan di meja ini atau ${CONTROLLER_CONTACT}.`,
          en:
            'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP), through its walk-in SPSE ' +
            `support desk. Contact: the desk's supervisor or ${CONTROLLER_CONTACT}.`,
        },
      },
      legalBasis: {
        heading: { id: 'Dasar pemrosesan', en: 'Lawful basis' },
        body: {
          id:
            'Pelaksanaan tugas pelayanan publik (Pasal 20 ayat (2) huruf e Undang-Undang Nomor 27 ' +
            'Tahun 2022 tentang Pelindungan Data Pribadi). Layanan tidak bergantung pada ' +
            'persetujuan Anda.',
          en:
            'The performance of a public service (Article 20(2)(e) of Law 27 of 2022 on Personal ' +
            'Data Protection). The service does not depend on your consent.',
        },
      },
      purposes: {
        heading: { id: 'Tujuan', en: 'Purposes' },
        body: {
          id:
            'Mencatat kunjungan di buku tamu dan memberi nomor antrean; melayani konsultasi dan ' +
            'mencatat permasalahan Anda; meneruskan permasalahan yang belum selesai ke helpdesk LKPP; ' +
            'menghubungi Anda tentang hasilnya; menyusun statistik layanan tanpa identitas.',
          en:
            'Recording the visit in the guest book and issuing a queue number; serving the ' +
            'consultation and recording your problem; forwarding unsolved problems to the LKPP ' +
            'helpdesk; contacting you about the result; service statistics without identities.',
        },
      },
      data: {
        heading: { id: 'Data yang diproses', en: 'Data processed' },
        body: {
          id:
            'Nama, nomor telepon, email, instansi/perusahaan, jenis pengguna SPSE, LPSE asal dan ' +
            'keperluan kunjungan; untuk permasalahan: User ID SPSE, kode paket, uraian masalah dan ' +
            'penyelesaiannya, catatan konsultasi petugas, dokumen pendukung (pindaian izin usaha ' +
            'yang dapat memuat data pengurus, tangkapan layar, surat) dan konfirmasi hasil melalui ' +
            'telepon atau email. Jawaban survei kepuasan tidak dikaitkan dengan nama atau kontak Anda.',
          en:
            'Name, phone number, email, institution/company, SPSE user type, LPSE of origin and ' +
            'purpose of visit; for a problem: SPSE user ID, package code, the description and its ' +
            "solution, the officer's consultation notes, supporting documents (scans of a business " +
            "licence, which can show its directors' data, screenshots, letters) and the confirmation " +
            'of the result by phone or email. Survey answers are not linked to your name or contact.',
        },
      },
      recipients: {
        heading: { id: 'Penerima data', en: 'Recipients' },
        body: {
          id:
            'Permasalahan yang diteruskan dikirim ke sistem helpdesk LKPP beserta nama, kontak, ' +
            'instansi, uraian, catatan dan dokumen pendukungnya. Data tidak diberikan kepada pihak lain ' +
            'kecuali diwajibkan peraturan perundang-undangan.',
          en:
            "A forwarded problem is sent to LKPP's helpdesk system with your name, contact, " +
            'institution, the description, notes and supporting documents. Nothing is given to ' +
            'anyone else unless the law requires it.',
        },
      },
      retention: {
        heading: { id: 'Jangka waktu penyimpanan', en: 'Retention' },
        body: {
          id:
            'Data kunjungan, kasus dan dokumen disimpan selama 2 (dua) tahun sejak kunjungan atau ' +
            'kasus yang bersangkutan, atau selama jadwal retensi arsip LKPP menetapkan, lalu ' +
            'dianonimkan dan berkas dokumen dihapus. Statistik tanpa identitas tetap disimpan.',
          en:
            'Visit, case and document data is kept for 2 (two) years from that visit or case, or as ' +
            "long as LKPP's records retention schedule requires, then anonymised and the document " +
            'files deleted. Statistics without identities are kept.',
        },
      },
      rights: {
        heading: { id: 'Hak Anda dan cara menggunakannya', en: 'Your rights and how to use them' },
        body: {
          id:
            'Anda berhak memperoleh informasi, mengakses dan memperoleh salinan data Anda beserta ' +
            'rekam jejak pemrosesannya, memperbaiki data, meminta pembatasan pemrosesan, meminta ' +
            'penghapusan, dan menarik persetujuan atas hal yang bersifat pilihan. Ajukan kepada ' +
            `penyelia layanan di meja ini atau melalui ${CONTROLLER_CONTACT}; permintaan dijawab ` +
            'paling lambat 3 × 24 jam sejak diterima.',
          en:
            'You may be informed, access and get a copy of your data and its processing trail, ' +
            'correct it, ask for its processing to be restricted, ask for its erasure, and withdraw ' +
            "consent to anything optional. Ask the desk's supervisor or write to " +
            `${CONTROLLER_CONTACT}; requests are answered within 3 × 24 hours of receipt.`,
        },
      },
    },
  },
];

/** The base of the current text; a changed wording gets the next one. */
export const NOTICE_BASE_VERSION = '2026-12-n2';

export const DEFAULT_NOTICE_RETENTION: RetentionSettings = {
  guestBookYears: DEFAULT_RETENTION_YEARS,
  casesYears: DEFAULT_RETENTION_YEARS,
  documentsYears: DEFAULT_RETENTION_YEARS,
};

export function noticeVersionFor(retention: RetentionSettings): string {
  const { guestBookYears: g, casesYears: c, documentsYears: d } = retention;
  return `${NOTICE_BASE_VERSION}-r${g}.${c}.${d}`;
}

const NUMBER_WORDS_ID = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
];
const yearsId = (n: number) => `${n}${NUMBER_WORDS_ID[n] ? ` (${NUMBER_WORDS_ID[n]})` : ''} tahun`;
const yearsEn = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;

/** The notice as given while the retention periods are these. */
export function noticeFor(retention: RetentionSettings): PrivacyNotice {
  return {
    version: noticeVersionFor(retention),
    title: {
      id: 'Pemberitahuan Pemrosesan Data Pribadi',
      en: 'Personal Data Processing Notice',
    },
    sections: {
      controller: {
        heading: { id: 'Pengendali data pribadi', en: 'Data controller' },
        body: {
          id:
            'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP), melalui Layanan Konsultasi ' +
            `Tatap Muka Dukungan Penggunaan SPSE. Kontak: penyelia layanan di meja ini atau ${CONTROLLER_CONTACT}.`,
          en:
            'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP), through its walk-in SPSE ' +
            `support desk. Contact: the desk's supervisor or ${CONTROLLER_CONTACT}.`,
        },
      },
      legalBasis: {
        heading: { id: 'Dasar pemrosesan', en: 'Lawful basis' },
        body: {
          id:
            'Pelaksanaan tugas pelayanan publik (Pasal 20 ayat (2) huruf e Undang-Undang Nomor 27 ' +
            'Tahun 2022 tentang Pelindungan Data Pribadi). Layanan tidak bergantung pada ' +
            'persetujuan Anda.',
          en:
            'The performance of a public service (Article 20(2)(e) of Law 27 of 2022 on Personal ' +
            'Data Protection). The service does not depend on your consent.',
        },
      },
      purposes: {
        heading: { id: 'Tujuan', en: 'Purposes' },
        body: {
          id:
            'Mencatat kunjungan di buku tamu dan memberi nomor antrean; melayani konsultasi dan ' +
            'mencatat permasalahan Anda; meneruskan permasalahan yang belum selesai ke helpdesk LKPP; ' +
            'menghubungi Anda tentang hasilnya; menyusun statistik layanan tanpa identitas.',
          en:
            'Recording the visit in the guest book and issuing a queue number; serving the ' +
            'consultation and recording your problem; forwarding unsolved problems to the LKPP ' +
            'helpdesk; contacting you about the result; service statistics without identities.',
        },
      },
      data: {
        heading: { id: 'Data yang diproses', en: 'Data processed' },
        body: {
          id:
            'Nama, nomor telepon, email, instansi/perusahaan, jenis pengguna SPSE, LPSE asal dan ' +
            'keperluan kunjungan; untuk permasalahan: User ID SPSE, kode paket, uraian masalah dan ' +
            'penyelesaiannya, catatan konsultasi petugas, dokumen pendukung (pindaian izin usaha ' +
            'yang dapat memuat data pengurus, tangkapan layar, surat) dan konfirmasi hasil melalui ' +
            'telepon atau email. Jawaban survei kepuasan tidak dikaitkan dengan nama atau kontak Anda.',
          en:
            'Name, phone number, email, institution/company, SPSE user type, LPSE of origin and ' +
            'purpose of visit; for a problem: SPSE user ID, package code, the description and its ' +
            "solution, the officer's consultation notes, supporting documents (scans of a business " +
            "licence, which can show its directors' data, screenshots, letters) and the confirmation " +
            'of the result by phone or email. Survey answers are not linked to your name or contact.',
        },
      },
      recipients: {
        heading: { id: 'Penerima data', en: 'Recipients' },
        body: {
          id:
            'Permasalahan yang diteruskan dikirim ke sistem helpdesk LKPP beserta nama, kontak, ' +
            'instansi, uraian, catatan dan dokumen pendukungnya. Data tidak diberikan kepada pihak lain ' +
            'kecuali diwajibkan peraturan perundang-undangan.',
          en:
            "A forwarded problem is sent to LKPP's helpdesk system with your name, contact, " +
            'institution, the description, notes and supporting documents. Nothing is given to ' +
            'anyone else unless the law requires it.',
        },
      },
      retention: {
        heading: { id: 'Jangka waktu penyimpanan', en: 'Retention' },
        body: {
          id:
            `Data buku tamu (kunjungan) disimpan selama ${yearsId(retention.guestBookYears)} sejak ` +
            `kunjungan yang bersangkutan; data kasus selama ${yearsId(retention.casesYears)} dan ` +
            `dokumen pendukung selama ${yearsId(retention.documentsYears)} sejak kasus yang ` +
            'bersangkutan selesai; lalu dianonimkan dan berkas dokumen dihapus dari disk. ' +
            'Statistik tanpa identitas tetap disimpan.',
          en:
            `Guest-book (visit) data is kept for ${yearsEn(retention.guestBookYears)} from that ` +
            `visit; case data for ${yearsEn(retention.casesYears)} and supporting documents for ` +
            `${yearsEn(retention.documentsYears)} from the end of that case; then it is ` +
            'anonymised and the document files are deleted from disk. Statistics without ' +
            'identities are kept.',
        },
      },
      rights: {
        heading: { id: 'Hak Anda dan cara menggunakannya', en: 'Your rights and how to use them' },
        body: {
          id:
            'Anda berhak memperoleh informasi, mengakses dan memperoleh salinan data Anda beserta ' +
            'rekam jejak pemrosesannya, memperbaiki data, meminta pembatasan pemrosesan, meminta ' +
            'penghapusan, dan menarik persetujuan atas hal yang bersifat pilihan. Ajukan kepada ' +
            `penyelia layanan di meja ini atau melalui ${CONTROLLER_CONTACT}; permintaan dijawab ` +
            'paling lambat 3 × 24 jam sejak diterima.',
          en:
            'You may be informed, access and get a copy of your data and its processing trail, ' +
            'correct it, ask for its processing to be restricted, ask for its erasure, and withdraw ' +
            "consent to anything optional. Ask the desk's supervisor or write to " +
            `${CONTROLLER_CONTACT}; requests are answered within 3 × 24 hours of receipt.`,
        },
      },
    },
  };
}

/** The notice given now; the core passes the administrator's periods (the default: two years). */
export function currentNotice(
  retention: RetentionSettings = DEFAULT_NOTICE_RETENTION,
): PrivacyNotice {
  return noticeFor(retention);
}

const VERSION_PATTERN = /^(?<base>.+)-r(?<g>\d{1,2})\.(?<c>\d{1,2})\.(?<d>\d{1,2})$/;

/** The exact text a stored version stands for, or undefined for a version never given. */
export function noticeByVersion(version: string): PrivacyNotice | undefined {
  const fixed = FIXED_NOTICES.find((n) => n.version === version);
  if (fixed) return fixed;
  const m = VERSION_PATTERN.exec(version)?.groups;
  if (!m || m.base !== NOTICE_BASE_VERSION) return undefined;
  const periods = retentionSettingsSchema.safeParse({
    guestBookYears: Number(m.g),
    casesYears: Number(m.c),
    documentsYears: Number(m.d),
  });
  if (!periods.success) return undefined;
  const notice = noticeFor(periods.data);
  // "r02" is no version ever stored: only the spelling noticeVersionFor writes is one.
  return notice.version === version ? notice : undefined;
}

/**
 * The one thing a visitor may consent to: being contacted later for a follow-up survey. Truly
 * optional (nothing depends on it) and withdrawn as easily as given.
 */
export interface OptionalConsentText {
  version: string;
  text: Localized;
}

export const CONTACT_CONSENTS: readonly OptionalConsentText[] = [
  {
    version: '2026-12-c1',
    text: {
      id:
        'Pengunjung bersedia dihubungi kembali melalui telepon atau email untuk survei lanjutan ' +
        'tentang layanan ini (tidak wajib; dapat ditarik kapan saja).',
      en:
        'The visitor agrees to be contacted again by phone or email for a follow-up survey about ' +
        'this service (optional; may be withdrawn at any time).',
    },
  },
];

export function currentContactConsent(): OptionalConsentText {
  const latest = CONTACT_CONSENTS[CONTACT_CONSENTS.length - 1];
  if (!latest) throw new Error('no optional consent text defined');
  return latest;
}
