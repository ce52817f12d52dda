/**
 * Deterministic synthetic visitors whose names follow Indonesia's distribution (no real person's
 * data): Siti and Muhammad about 10% each of first words, then Nur, Ahmad, Sri, Dewi, Agus, Budi,
 * Putri, Nurul; 2–4 words; e-mails in the forms people use (muhammad.rizki@gmail.com,
 * muhammadrahman1961@gmail.com, nama1985@yahoo.co.id), mobile numbers of the real operators'
 * prefixes, institutions "PT …", "CV …", "Dinas PUPR …".
 */

/** Weighted lists: [value, weight]. First words: the named ten take 47%, a long tail the rest. */
const FIRST: readonly (readonly [string, number])[] = [
  ['Siti', 10],
  ['Muhammad', 10],
  ['Nur', 4],
  ['Ahmad', 4],
  ['Sri', 3.5],
  ['Dewi', 3],
  ['Agus', 3],
  ['Budi', 3],
  ['Putri', 3],
  ['Nurul', 3],
  ...tail(
    `Andi Eko Rina Dian Rizki Fajar Indah Wahyu Yusuf Fitri Hendra Yanti Rudi Lestari Bambang Ayu
     Teguh Ratna Hadi Wulan Arief Intan Dedi Made Nyoman Ketut Kadek Wayan Maria Yohanes Rahmat
     Sari Ilham Dimas Bayu Reza Aditya Yoga Irfan Hasan Abdul Akbar Annisa Aisyah Fatimah Nabila
     Rahma Amalia Kurnia Ria Tri Dwi Eka Joko Slamet Supriyadi Suparman Sutrisno Heru Anton Aris
     Ari Lukman Taufik Hidayat Syahrul Zainal Umar Usman Ali Hamzah Ikhsan Yudi Yuli Yuni Endang
     Wati Lina Lia Mega Novi Nanda Putra Galih Gilang Ridwan Arif Faisal Fauzan Hafiz Haris`,
    53,
  ),
];
const OTHER: readonly (readonly [string, number])[] = tail(
  `Rizki Rahman Hidayat Santoso Rahayu Wijaya Lestari Saputra Setiawan Kurniawan Pratama Susanto
   Nugroho Wulandari Siregar Nasution Harahap Simanjuntak Purba Sihombing Tanjung Lubis Suryadi
   Gunawan Halim Utomo Hakim Permana Ramadhan Fauzi Syahputra Firmansyah Aminah Nurhaliza
   Rahmawati Handayani Kusuma Anggraini Maharani Safitri Puspita Amelia Ramadhani Fitriani
   Hasanah Aisyah Fadillah Hidayati Maulana Iskandar Hasibuan Sembiring Ginting Tarigan Pane
   Panjaitan Sinaga Situmorang Manurung Hutapea Pohan Daulay Batubara Rangkuti Ritonga Matondang
   Effendi Hartono Sutanto Wibowo Prasetyo Purnomo Suharto Sudrajat Supriatna Hermawan Irawan
   Darmawan Kartika Novitasari Oktaviani Septiani Januarti Febrianti Apriliani Agustina Rosita
   Yulianti Marlina Sulistyo Widodo Haryanto Sugiarto Budiman Hendrawan Prakoso Ardiansyah
   Kurniasih Sulastri Sumarni Suryani Pertiwi Anjani Salsabila Zahra Khairunnisa Azzahra Alfarizi
   Alamsyah Nurdin Mahmud Syarif Hamid Rasyid Abdullah Idris Ismail Yahya Zakaria Faruq Hakiki
   Rizal Rizky Akbar Ali Abdul Nur Putri Dewi Sari Ayu Indah Wati Ningsih Astuti Utami Yuliana`,
  100,
);
const WORD_COUNT: readonly (readonly [number, number])[] = [
  [2, 50],
  [3, 35],
  [4, 15],
];
const MOBILE_PREFIXES = `811 812 813 821 822 823 851 852 853 814 815 816 855 856 857 858 817
  818 819 859 877 878 895 896 897 898 899 881 882 883 887 888`.split(/\s+/);
const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 70],
  ['yahoo.co.id', 12],
  ['yahoo.com', 8],
  ['outlook.com', 3],
  ['ymail.com', 2],
  ['lkpp.go.id', 5],
];
const BUSINESS =
  `Abadi Berkah Karya Mandiri Sejahtera Jaya Makmur Cipta Prima Sentosa Bangun Nusantara
  Teknik Utama Perkasa Indah Global Mitra Sarana Sumber Rejeki Anugerah Bintang Cahaya Duta Eka
  Gemilang Harapan Inti Kencana Lestari Maju Mulia Persada Rekayasa Samudra Tunggal Wahana`.split(
    /\s+/,
  );
const PLACES =
  `Bogor Bandung Bekasi Depok Tangerang Serang Cirebon Garut Sukabumi Semarang Surakarta
  Magelang Yogyakarta Sleman Bantul Surabaya Malang Sidoarjo Kediri Jember Medan Deli Serdang Padang
  Pekanbaru Palembang Jambi Lampung Pontianak Banjarmasin Samarinda Balikpapan Makassar Manado
  Kendari Palu Ambon Jayapura Mataram Kupang Denpasar Badung Gianyar`.split(/\s+/);
const AGENCIES = [
  'Dinas PUPR',
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Dinas Perhubungan',
  'BPBD',
  'Bappeda',
  'Sekretariat Daerah',
  'UKPBJ',
  'RSUD',
];

/** A long tail with weights falling like a Zipf law, sharing `total` percent. */
function tail(words: string, total: number): [string, number][] {
  const list = words.split(/\s+/).filter((w) => w.length > 0);
  const raw = list.map((_, i) => 1 / (i + 2));
  const sum = raw.reduce((a, b) => a + b, 0);
  return list.map((w, i) => [w, (raw[i]! / sum) * total]);
}

class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly values: T[] = [];
  private readonly total: number;
  constructor(entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [value, weight] of entries) {
      sum += weight;
      this.cumulative.push(sum);
      this.values.push(value);
    }
    this.total = sum;
  }
  pick(random: () => number): T {
    const x = random() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

const first = new Weighted(FIRST);
const other = new Weighted(OTHER);
const wordCount = new Weighted(WORD_COUNT);
const mailDomain = new Weighted(MAIL_DOMAINS);

export interface RealisticPerson {
  fullName: string;
  /** As a receptionist types it: 0812-3456-7890. */
  phone: string;
  email: string;
  institution: string;
}

export class RealisticPeople {
  private state: number;
  constructor(seed = 17) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, and good enough that no pattern shows in the names. */
  random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private one<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  person(): RealisticPerson {
    const words = [first.pick(() => this.random())];
    const n = wordCount.pick(() => this.random());
    while (words.length < n) {
      const w = other.pick(() => this.random());
      if (!words.includes(w)) words.push(w);
    }
    return {
      fullName: words.join(' '),
      phone: this.phone(),
      email: this.email(words),
      institution: this.institution(),
    };
  }

  private phone(): string {
    const prefix = this.one(MOBILE_PREFIXES);
    const length = 7 + this.int(2); // 0812-345-6789 or 0812-3456-7890
    let rest = '';
    for (let i = 0; i < length; i++) rest += String(this.int(10));
    return `0${prefix}-${rest.slice(0, length - 4)}-${rest.slice(-4)}`;
  }

  private email(words: string[]): string {
    const lower = words.map((w) => w.toLowerCase());
    const a = lower[0]!;
    const b = lower[1] ?? lower[0]!;
    const year = String(1960 + this.int(45));
    const domain = mailDomain.pick(() => this.random());
    switch (this.int(7)) {
      case 0:
      case 1:
        return `${a}.${b}@${domain}`;
      case 2:
        return `${a}${b}${year}@${domain}`;
      case 3:
        return `${this.one(lower)}${year}@${domain}`;
      case 4:
        return `${a}${b}${this.int(100)}@${domain}`;
      case 5:
        return `${a[0]}${b}@${domain}`;
      default:
        return ''; // no e-mail given
    }
  }

  private institution(): string {
    const place = this.one(PLACES);
    const x = this.int(100);
    if (x < 40) return `PT ${this.one(BUSINESS)} ${this.one(BUSINESS)}`;
    if (x < 65) return `CV ${this.one(BUSINESS)} ${this.one(BUSINESS)}`;
    if (x < 90) return `${this.one(AGENCIES)} ${this.int(2) === 0 ? 'Kota' : 'Kabupaten'} ${place}`;
    if (x < 95) return `Universitas ${place}`;
    return '';
  }
}
