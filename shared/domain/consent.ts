/**
 * The consent statement visits recorded before the processing notice (privacy-notice.ts) replaced
 * it as the check-in's basis. Kept so that an old visit's `consent_version` still names its text
 * (a person's access export shows it); no new visit is recorded with it.
 */
export interface ConsentText {
  version: string;
  id: string;
  en: string;
}

export const CONSENT_TEXTS: readonly ConsentText[] = [
  {
    version: '2026-11-v1',
    id:
      'Saya menyetujui LKPP mencatat nama, nomor telepon, email, instansi/perusahaan, peran SPSE, ' +
      'LPSE asal dan keperluan kunjungan saya untuk melayani konsultasi SPSE, menindaklanjuti ' +
      'permasalahan saya ke helpdesk, dan menghubungi saya tentang hasilnya. Data disimpan selama ' +
      '2 tahun lalu dianonimkan. Saya berhak mengakses, memperbaiki, dan meminta penghapusan data ' +
      'saya, serta menarik persetujuan ini, melalui petugas layanan.',
    en:
      'I agree that LKPP records my name, phone number, email, institution/company, SPSE role, ' +
      'LPSE of origin and purpose of visit to serve my SPSE consultation, follow my problem up with ' +
      'the helpdesk, and contact me about the result. The data is kept for 2 years and then ' +
      'anonymised. I may access, correct and ask for deletion of my data, and withdraw this ' +
      'consent, through the service staff.',
  },
];

export function consentByVersion(version: string): ConsentText | undefined {
  return CONSENT_TEXTS.find((c) => c.version === version);
}
