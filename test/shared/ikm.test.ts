import { describe, expect, it } from 'vitest';
import {
  computeIkm,
  emptyTotals,
  gradeOf,
  minimumSample,
  type IkmInput,
} from '../../shared/domain/ikm';
import { SKM_ELEMENTS, type SkmElement } from '../../shared/domain/skm';

/** Respondents' answers as rows, summed by hand here, independently of the report's SQL. */
function totalsOf(rows: Partial<Record<SkmElement, number>>[]): IkmInput {
  const elements = emptyTotals();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      const e = elements[k as SkmElement];
      e.sum += v;
      e.count += 1;
    }
  }
  return { respondents: rows.length, elements };
}

const all = (score: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));

describe('IKM (PermenPANRB 14/2017)', () => {
  it('gives 100 and A for a perfect score (the exact 1/9 weight, not 0,11 which gives 99)', () => {
    const r = computeIkm(totalsOf([all(4), all(4)]));
    expect(r).toMatchObject({ ikm: 100, grade: 'A', index: 4, respondents: 2 });
  });

  it('gives 25 and D for the lowest score', () => {
    expect(computeIkm(totalsOf([all(1)]))).toMatchObject({ ikm: 25, grade: 'D' });
  });

  it('matches a hand-computed example', () => {
    // Three respondents. NRRs: persyaratan (3+4+3)/3=3.3333, prosedur (2+3+3)/3=2.6667,
    // waktu 3, biaya 4, produk (3+3+4)/3=3.3333, kompetensi 3.6667, perilaku 4, sarana 2, pengaduan 3.
    // Mean = 29/9 = 3.2222…; IKM = 80.5555… → 80.56, B.
    const rows = [
      {
        persyaratan: 3,
        prosedur: 2,
        waktu: 3,
        biaya: 4,
        produk: 3,
        kompetensi: 4,
        perilaku: 4,
        sarana: 2,
        pengaduan: 3,
      },
      {
        persyaratan: 4,
        prosedur: 3,
        waktu: 3,
        biaya: 4,
        produk: 3,
        kompetensi: 3,
        perilaku: 4,
        sarana: 2,
        pengaduan: 3,
      },
      {
        persyaratan: 3,
        prosedur: 3,
        waktu: 3,
        biaya: 4,
        produk: 4,
        kompetensi: 4,
        perilaku: 4,
        sarana: 2,
        pengaduan: 3,
      },
    ];
    const r = computeIkm(totalsOf(rows));
    expect(r.ikm).toBe(80.56);
    expect(r.grade).toBe('B');
    const byKey = Object.fromEntries(r.elements.map((e) => [e.element, e]));
    expect(byKey.prosedur?.nrr).toBeCloseTo(8 / 3, 10);
    expect(byKey.prosedur?.converted).toBe(66.67);
    expect(byKey.prosedur?.grade).toBe('C');
    expect(byKey.sarana).toMatchObject({ nrr: 2, converted: 50, grade: 'D' });
  });

  it('averages only the answered elements, each over its own respondents', () => {
    const r = computeIkm(totalsOf([{ persyaratan: 4, waktu: 2 }, { persyaratan: 2 }]));
    const byKey = Object.fromEntries(r.elements.map((e) => [e.element, e]));
    expect(byKey.persyaratan).toMatchObject({ answered: 2, nrr: 3 });
    expect(byKey.waktu).toMatchObject({ answered: 1, nrr: 2 });
    expect(byKey.biaya).toMatchObject({ answered: 0, nrr: null, grade: null });
    expect(r.ikm).toBe(62.5); // (3 + 2) / 2 × 25
  });

  it('has no index when nothing was answered', () => {
    expect(computeIkm(totalsOf([]))).toMatchObject({ ikm: null, grade: null, index: null });
  });

  it.each([
    [25, 'D'],
    [64.99, 'D'],
    [64.994, 'D'],
    [64.995, 'C'],
    [65, 'C'],
    [65.01, 'C'],
    [76.6, 'C'],
    [76.604, 'C'],
    [76.605, 'B'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.304, 'B'],
    [88.305, 'A'],
    [88.31, 'A'],
    [100, 'A'],
  ])('grades %d as %s (at and around each boundary)', (value, grade) => {
    expect(gradeOf(value)).toBe(grade);
  });

  it('grades boundary values reached through real answers', () => {
    // NRR 2.6 → 65.00 exactly (C): five respondents, sums 13 on every element.
    const at65 = totalsOf([all(3), all(3), all(3), all(2), all(2)]);
    expect(computeIkm(at65)).toMatchObject({ ikm: 65, grade: 'C' });
    // NRR 3.5325 → 88.3125 → 88.31 (A): 4000 respondents would be needed exactly; use sums directly.
    const elements = emptyTotals();
    for (const e of SKM_ELEMENTS) elements[e] = { sum: 14130, count: 4000 };
    expect(computeIkm({ respondents: 4000, elements })).toMatchObject({ ikm: 88.31, grade: 'A' });
    for (const e of SKM_ELEMENTS) elements[e] = { sum: 14120, count: 4000 }; // 3.53 → 88.25
    expect(computeIkm({ respondents: 4000, elements })).toMatchObject({ ikm: 88.25, grade: 'B' });
  });
});

describe('minimum sample (Krejcie & Morgan)', () => {
  it.each([
    [10, 10],
    [15, 14],
    [100, 80],
    [250, 152],
    [500, 217],
    [1000, 278],
    [3000, 341],
    [10000, 370],
    [1000000, 384],
  ])('N = %d → S = %d, as in the published table', (n, s) => {
    expect(minimumSample(n)).toBe(s);
  });

  it('needs nobody when nobody was served', () => {
    expect(minimumSample(0)).toBe(0);
  });
});
