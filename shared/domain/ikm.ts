import { SKM_ELEMENTS, type SkmElement } from './skm';

/**
 * The satisfaction index (IKM) of PermenPANRB 14/2017, from per-element sums: NRR per element =
 * total score ÷ respondents who answered it; the index is the mean NRR over the elements that
 * have answers (the exact 1/9 weight, not the printed 0,11, which makes a perfect score 99);
 * IKM = index × 25, rounded only at the end, to 2 decimals.
 */
export type Grade = 'A' | 'B' | 'C' | 'D';

export interface ElementTotals {
  sum: number;
  count: number;
}

export interface IkmInput {
  respondents: number;
  elements: Record<SkmElement, ElementTotals>;
}

export interface ElementResult {
  element: SkmElement;
  answered: number;
  /** Null when nobody answered this element. */
  nrr: number | null;
  /** NRR × 25, rounded to 2 decimals. */
  converted: number | null;
  grade: Grade | null;
}

export interface IkmResult {
  respondents: number;
  elements: ElementResult[];
  /** Mean NRR of the answered elements (nilai SKM before conversion). */
  index: number | null;
  ikm: number | null;
  grade: Grade | null;
}

export const GRADE_LABELS: Record<Grade, { id: string; en: string }> = {
  A: { id: 'Sangat baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang baik', en: 'Less good' },
  D: { id: 'Tidak baik', en: 'Not good' },
};

const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/**
 * The regulation's interval table has gaps (64,99 < x < 65,00); classifying the converted value
 * after rounding to 2 decimals with lower bounds 65,00 / 76,61 / 88,31 closes them.
 */
export function gradeOf(converted: number): Grade {
  const v = round2(converted);
  if (v >= 88.31) return 'A';
  if (v >= 76.61) return 'B';
  if (v >= 65) return 'C';
  return 'D';
}

export function computeIkm(input: IkmInput): IkmResult {
  const elements = SKM_ELEMENTS.map((element): ElementResult => {
    const { sum, count } = input.elements[element];
    if (count === 0) return { element, answered: 0, nrr: null, converted: null, grade: null };
    const nrr = sum / count;
    return { element, answered: count, nrr, converted: round2(nrr * 25), grade: gradeOf(nrr * 25) };
  });
  const answered = elements.filter((e) => e.nrr !== null);
  if (answered.length === 0)
    return { respondents: input.respondents, elements, index: null, ikm: null, grade: null };
  const index = answered.reduce((acc, e) => acc + (e.nrr ?? 0), 0) / answered.length;
  const ikm = round2(index * 25);
  return { respondents: input.respondents, elements, index, ikm, grade: gradeOf(ikm) };
}

/** Krejcie & Morgan: the minimum sample for a population of n service users (X²=3,841, P=0,5, d=0,05). */
export function minimumSample(population: number): number {
  if (population <= 0) return 0;
  const chi = 3.841;
  const p = 0.5;
  const d = 0.05;
  return Math.round(
    (chi * population * p * (1 - p)) / (d * d * (population - 1) + chi * p * (1 - p)),
  );
}

export function emptyTotals(): Record<SkmElement, ElementTotals> {
  return Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { sum: 0, count: 0 }])) as Record<
    SkmElement,
    ElementTotals
  >;
}

export const GRADES = ['A', 'B', 'C', 'D'] as const;
