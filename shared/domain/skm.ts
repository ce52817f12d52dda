/**
 * The public-service satisfaction survey (SKM) of PermenPANRB 14/2017: nine elements, each with
 * its question and four answers scored 1–4, worded as the regulation's questionnaire words them
 * (shared/domain/skm.md). Answers are stored by element key, never by position, because the
 * questionnaire asks about facilities (Q8) before complaints handling (Q9) while the element list
 * has them the other way round.
 */
export const SKM_ELEMENTS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'sarana',
  'pengaduan',
] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

export type SkmScore = 1 | 2 | 3 | 4;

interface Wording {
  id: string;
  en: string;
}

export interface SkmQuestion {
  element: SkmElement;
  name: Wording;
  question: Wording;
  /** Answers for scores 1, 2, 3, 4. */
  answers: readonly [Wording, Wording, Wording, Wording];
}

const w = (id: string, en: string): Wording => ({ id, en });

export const SKM_QUESTIONS: readonly SkmQuestion[] = [
  {
    element: 'persyaratan',
    name: w('Persyaratan', 'Requirements'),
    question: w(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      'How well do the service requirements fit the kind of service?',
    ),
    answers: [
      w('Tidak sesuai', 'Not suitable'),
      w('Kurang sesuai', 'Less suitable'),
      w('Sesuai', 'Suitable'),
      w('Sangat sesuai', 'Very suitable'),
    ],
  },
  {
    element: 'prosedur',
    name: w('Sistem, Mekanisme, dan Prosedur', 'System, mechanism and procedure'),
    question: w(
      'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      'How easy is the service procedure at this unit?',
    ),
    answers: [
      w('Tidak mudah', 'Not easy'),
      w('Kurang mudah', 'Less easy'),
      w('Mudah', 'Easy'),
      w('Sangat mudah', 'Very easy'),
    ],
  },
  {
    element: 'waktu',
    name: w('Waktu Penyelesaian', 'Completion time'),
    question: w(
      'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      'How fast was the service?',
    ),
    answers: [
      w('Tidak cepat', 'Not fast'),
      w('Kurang cepat', 'Less fast'),
      w('Cepat', 'Fast'),
      w('Sangat cepat', 'Very fast'),
    ],
  },
  {
    element: 'biaya',
    name: w('Biaya/Tarif', 'Cost/fee'),
    question: w(
      'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      'How fair is the cost/fee of the service?',
    ),
    answers: [
      w('Sangat mahal', 'Very expensive'),
      w('Cukup mahal', 'Fairly expensive'),
      w('Murah', 'Cheap'),
      w('Gratis', 'Free'),
    ],
  },
  {
    element: 'produk',
    name: w('Produk Spesifikasi Jenis Pelayanan', 'Service product specification'),
    question: w(
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well does the result match the product stated in the service standard?',
    ),
    answers: [
      w('Tidak sesuai', 'Not suitable'),
      w('Kurang sesuai', 'Less suitable'),
      w('Sesuai', 'Suitable'),
      w('Sangat sesuai', 'Very suitable'),
    ],
  },
  {
    element: 'kompetensi',
    name: w('Kompetensi Pelaksana', 'Staff competence'),
    question: w(
      'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      'How competent were the staff?',
    ),
    answers: [
      w('Tidak kompeten', 'Not competent'),
      w('Kurang kompeten', 'Less competent'),
      w('Kompeten', 'Competent'),
      w('Sangat kompeten', 'Very competent'),
    ],
  },
  {
    element: 'perilaku',
    name: w('Perilaku Pelaksana', 'Staff behaviour'),
    question: w(
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      'How polite and friendly were the staff?',
    ),
    answers: [
      w('Tidak sopan dan ramah', 'Not polite and friendly'),
      w('Kurang sopan dan ramah', 'Less polite and friendly'),
      w('Sopan dan ramah', 'Polite and friendly'),
      w('Sangat sopan dan ramah', 'Very polite and friendly'),
    ],
  },
  {
    element: 'sarana',
    name: w('Sarana dan Prasarana', 'Facilities'),
    question: w(
      'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      'How good are the facilities?',
    ),
    answers: [
      w('Buruk', 'Poor'),
      w('Cukup', 'Fair'),
      w('Baik', 'Good'),
      w('Sangat baik', 'Very good'),
    ],
  },
  {
    element: 'pengaduan',
    name: w(
      'Penanganan Pengaduan, Saran dan Masukan',
      'Complaints, suggestions and feedback handling',
    ),
    question: w(
      'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      'How are service users’ complaints handled?',
    ),
    answers: [
      w('Tidak ada', 'None'),
      w('Ada tetapi tidak berfungsi', 'Exists but does not work'),
      w('Berfungsi kurang maksimal', 'Works, but not fully'),
      w('Dikelola dengan baik', 'Well managed'),
    ],
  },
];
