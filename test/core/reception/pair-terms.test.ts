import { describe, expect, it } from 'vitest';
import { pairQueryTerms, pairSearchTerms } from '../../../electron/core/reception/pair-terms';
import { buildVisitorSearchPlan } from '../../../electron/core/reception/search-query';
import { matchesRow, type VisitorText } from '../../../electron/core/reception/search-terms';

const rows: VisitorText[] = [
  {
    full_name: 'Siti Aminah Rahmawati',
    email: 'siti.aminah@gmail.com',
    phone: '',
    institution: 'PT Abadi Jaya',
  },
  {
    full_name: 'Muhammad Rizki',
    email: 'muhammadrizki1985@yahoo.co.id',
    phone: '',
    institution: null,
  },
  {
    full_name: "Ja'far Siti-Nurhaliza",
    email: null,
    phone: '',
    institution: 'Dinas PUPR Kota Bogor',
  },
  {
    full_name: 'Renée Ñáñez Muhammad',
    email: 'rnanez@lkpp.go.id',
    phone: '',
    institution: 'CV Berkah',
  },
  {
    full_name: 'Sri Wahyuni',
    email: 'sri1985@ymail.com',
    phone: '+6281234567890',
    institution: '',
  },
];
rows.push({
  full_name: 'Siti Rahma',
  email: 'muhammad.ali@gmail.com', // her husband's: a pair across fields
  phone: '',
  institution: null,
});
const queries = [
  'siti muhammad',
  'siti aminah rahmawati',
  'aminah siti',
  'muhammad rizki',
  'muhammad rizk',
  'muhammadrizki yahoo',
  'jafar sitinur',
  'sitinurhaliza bogor',
  'dinas pupr kota bogor',
  'rene muhammad',
  'nanez lkpp',
  'berkah muhammad',
  'wahyuni sri1985',
  'abadi jaya rahmawati',
  'rahma abad',
];

describe('the pair index of the visitor search', () => {
  it('cuts every two words of a visitor to four letters, in alphabetical order', () => {
    const terms = pairSearchTerms({
      full_name: 'Siti Aminah',
      email: null,
      institution: 'PT Abadi',
    });
    // siti, aminah, sitiaminah (run together: the same cut as siti), abadi; "pt" is too short.
    expect(terms.split(' ').sort()).toEqual(['abadamin', 'abadsiti', 'aminsiti']);
    expect(pairSearchTerms({ full_name: 'Siti', email: null, institution: null })).toBe('');
  });

  it('asks a query for the pairs of its words of four letters or more', () => {
    const spec = (q: string) => buildVisitorSearchPlan(q)!.spec;
    expect(pairQueryTerms(spec('siti muhammad'))).toEqual(['muhasiti']);
    expect(pairQueryTerms(spec('siti aminah rahmawati'))).toEqual(['aminrahm', 'rahmsiti']);
    // One usable word, or two with the same first letters: the word index answers.
    expect(pairQueryTerms(spec('pt abadi'))).toBeNull();
    expect(pairQueryTerms(spec('muhammad muhammadi'))).toBeNull();
    expect(pairQueryTerms(spec('0812 3456'))).toBeNull();
    // A word that may start a phone term is no pair word ("x0987" is a number's ending).
    expect(pairQueryTerms(spec('siti x098'))).toBeNull();
    // A word of 3 letters is checked on the candidates of the others, not paired.
    expect(pairQueryTerms(spec('sri wahyuni'))).toBeNull();
    expect(pairQueryTerms(spec('sri wahyuni lestari'))).toEqual(['lestwahy']);
    expect(pairQueryTerms(spec('renée muhammad'))).toEqual(['muharene']);
  });

  it('never leaves out a visitor that matches: every pair asked is one the row holds', () => {
    const matched = new Set<string>();
    for (const row of rows) {
      const held = new Set(pairSearchTerms(row).split(' '));
      for (const q of queries) {
        const plan = buildVisitorSearchPlan(q)!;
        if (!matchesRow(plan.spec, row)) continue;
        matched.add(q);
        const asked = pairQueryTerms(plan.spec);
        expect(asked, q).not.toBeNull();
        for (const term of asked!)
          expect(held.has(term), `${q} → ${term} in ${row.full_name}`).toBe(true);
      }
    }
    expect([...matched].sort()).toEqual([...queries].sort()); // each query finds someone
  });
});
