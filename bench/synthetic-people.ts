/** Deterministic synthetic Indonesian visitors for the benchmarks (no real person's data). */
const FIRST = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Rina',
  'Ahmad',
  'Nur',
  'Eko',
  'Sri',
  'Joko',
  'Wahyu',
  'Putri',
  'Dian',
  'Hendra',
  'Yanti',
  'Fajar',
  'Indah',
  'Rudi',
  'Lestari',
  'Bambang',
  'Ayu',
  'Teguh',
  'Ratna',
  'Hadi',
  'Wulan',
  'Arief',
  'Intan',
  'Yusuf',
  'Fitri',
  'Dedi',
  'Made',
  'Nyoman',
  'Ketut',
  'Kadek',
  'Wayan',
  'Maria',
  'Yohanes',
  'Andi',
  'Rahmat',
  'Sari',
];
const LAST = [
  'Santoso',
  'Rahayu',
  'Wijaya',
  'Lestari',
  'Saputra',
  'Hidayat',
  'Setiawan',
  'Kurniawan',
  'Pratama',
  'Susanto',
  'Nugroho',
  'Wulandari',
  'Siregar',
  'Nasution',
  'Harahap',
  'Simanjuntak',
  'Purba',
  'Sihombing',
  'Tanjung',
  'Lubis',
  'Suryadi',
  'Gunawan',
  'Halim',
  'Utomo',
  'Hakim',
  'Permana',
  'Ramadhan',
  'Fauzi',
  'Syahputra',
  'Firmansyah',
];
const PREFIXES = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '852',
  '853',
  '857',
  '858',
  '877',
  '878',
  '895',
  '896',
  '881',
];

export class SyntheticPeople {
  private seed: number;
  constructor(seed = 42) {
    this.seed = seed;
  }
  /** A linear congruential generator; its high bits, not its (short-period) low bits, pick. */
  next(n: number): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((this.seed / 2147483648) * n);
  }
  person(i: number): { fullName: string; phone: string; email: string; institution: string } {
    const first = FIRST[this.next(FIRST.length)]!;
    const last = LAST[this.next(LAST.length)]!;
    const prefix = PREFIXES[this.next(PREFIXES.length)]!;
    const phone = `+62${prefix}${String(i).padStart(8, '0').slice(-8)}`;
    return {
      fullName: `${first} ${last}`,
      phone,
      email: `${first}.${last}${i}@contoh.co.id`.toLowerCase(),
      institution: `CV ${last} ${1 + this.next(50)}`,
    };
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
