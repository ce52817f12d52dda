import { GRADE_LABELS, type IkmResult } from '../../../shared/domain/ikm';
import type { IkmReport } from '../../../shared/domain/ikm-report';
import { SKM_ELEMENTS, SKM_QUESTIONS, type SkmElement } from '../../../shared/domain/skm';
import { MIN_GROUP_RESPONDENTS } from '../../../shared/domain/survey-privacy';
import type { Locale } from '../../../shared/i18n/messages';
import type { Db } from '../db/open-database';
import { cellText, type Cell, type Column, type ReportDocument } from './report-document';
import { periodLine, translator, type T } from './report-labels';

const elementName = (e: SkmElement, locale: Locale) =>
  SKM_QUESTIONS.find((q) => q.element === e)?.name[locale] ?? e;

/** Indonesian reports write decimals with a comma. */
export function formatDecimal(value: number | null, locale: Locale, digits = 2): string {
  return cellText(
    value,
    { header: '', width: 0, format: digits === 4 ? 'decimal4' : 'decimal2' },
    locale,
  );
}

function categoryLabel(t: T, category: string): string {
  return category === '' ? t('ikm.uncategorised') : t(`categories.${category}`);
}

/**
 * A stored profile code as the visitor saw it on the survey screen ("s1" → "D4/S1"); looked up
 * once per code, not once per answer (a million answers, four profile fields each).
 */
function profileLabels(t: T): (group: string, code: string | null) => string {
  const seen = new Map<string, string>();
  return (group, code) => {
    if (code === null) return '';
    const key = `survey.${group}.${code}`;
    let label = seen.get(key);
    if (label === undefined) {
      label = t(key);
      if (label === key) label = code;
      seen.set(key, label);
    }
    return label;
  };
}

export function ikmHeadline(
  report: Pick<IkmReport, 'overall' | 'overallWithheld'>,
  locale: Locale,
): string {
  const t = translator(locale);
  const result = report.overall;
  if (report.overallWithheld) return t('ikm.overallWithheld', { min: MIN_GROUP_RESPONDENTS });
  if (result.ikm === null || result.grade === null) return t('ikm.noAnswers');
  return t('ikm.headline', {
    ikm: formatDecimal(result.ikm, locale),
    grade: result.grade,
    label: GRADE_LABELS[result.grade][locale],
  });
}

interface RawAnswer {
  gender: string | null;
  age_group: string | null;
  education: string | null;
  occupation: string | null;
  comment: string | null;
  [element: string]: string | number | null;
}

/**
 * The answers of a period for the raw sheet: the nine scores, the profile and the comment, and
 * nothing that could line an answer up with a visit: no day, officer or category, and in the
 * order of the random ids within each month (shared/domain/survey.ts): answers keep no day.
 */
export const IKM_RAW_SQL = `SELECT ${SKM_ELEMENTS.join(', ')}, gender, age_group, education, occupation, comment
  FROM survey_response WHERE service_month BETWEEN substr(?, 1, 7) AND substr(?, 1, 7)
  ORDER BY service_month, id`;
export const IKM_RAW_COUNT_SQL =
  'SELECT count(*) AS n FROM survey_response WHERE service_month BETWEEN substr(?, 1, 7) AND substr(?, 1, 7)';

export function ikmDocument(db: Db, report: IkmReport, locale: Locale): ReportDocument {
  const t = translator(locale);
  const o = report.overall;
  const groupTable = (
    title: string,
    head: string,
    rows: { label: string; result: IkmResult }[],
  ): ReportDocument['blocks'][number] => ({
    kind: 'table',
    title,
    columns: [
      { header: head, width: 3 },
      { header: t('ikm.respondents'), width: 1, format: 'integer' },
      { header: 'IKM', width: 1, format: 'decimal2' },
      { header: t('ikm.grade'), width: 1 },
    ],
    rows: rows.map((r) => [r.label, r.result.respondents, r.result.ikm, r.result.grade ?? '—']),
    empty: t('reporting.noData'),
  });
  const blocks: ReportDocument['blocks'] = [
    { kind: 'paragraph', text: ikmHeadline(report, locale), emphasis: true },
    {
      kind: 'paragraph',
      text: t('ikm.sample', {
        respondents: o.respondents,
        population: report.population,
        minimum: report.minimumSample,
      }),
    },
  ];
  if (o.respondents < report.minimumSample)
    blocks.push({ kind: 'paragraph', text: t('ikm.sampleShort') });
  if (!report.overallWithheld)
    blocks.push(
      {
        kind: 'table',
        title: t('ikm.element'),
        columns: [
          { header: 'No', width: 0.5 },
          { header: t('ikm.element'), width: 4 },
          { header: t('ikm.answered'), width: 1.2, format: 'integer' },
          { header: t('ikm.nrr'), width: 1.1, format: 'decimal4' },
          { header: t('ikm.converted'), width: 1.6, format: 'decimal2' },
          { header: t('ikm.grade'), width: 1 },
        ],
        rows: o.elements.map((e, i) => [
          String(i + 1),
          elementName(e.element, locale),
          e.answered,
          e.nrr,
          e.converted,
          e.grade ?? '—',
        ]),
      },
      {
        kind: 'table',
        title: t('reporting.ikm.result'),
        columns: [
          { header: '', width: 4 },
          { header: t('reporting.ikm.value'), width: 1.5, format: 'decimal2' },
          { header: t('ikm.grade'), width: 1.5 },
        ],
        rows: [['IKM', o.ikm, o.grade ?? '—']],
      },
      {
        kind: 'bars',
        title: t('ikm.chart'),
        max: 4,
        items: o.elements.map((e) => ({
          label: elementName(e.element, locale),
          value: e.nrr,
          text: formatDecimal(e.nrr, locale, 4),
        })),
      },
    );
  if (report.weakestFirst.length > 0)
    blocks.push({
      kind: 'table',
      title: t('ikm.weakest'),
      columns: [
        { header: t('ikm.element'), width: 4 },
        { header: t('ikm.converted'), width: 1.6, format: 'decimal2' },
        { header: t('ikm.grade'), width: 1 },
      ],
      rows: report.weakestFirst.slice(0, 3).map((e) => {
        const r = o.elements.find((x) => x.element === e);
        return [elementName(e, locale), r?.converted ?? null, r?.grade ?? '—'];
      }),
    });
  blocks.push(
    groupTable(
      t('ikm.byMonth'),
      t('ikm.month'),
      report.byMonth.map((m) => ({ label: m.month, result: m.result })),
    ),
    groupTable(
      t('ikm.byOfficer'),
      t('ikm.officer'),
      report.byOfficer.map((x) => ({ label: x.name, result: x.result })),
    ),
    groupTable(
      t('ikm.byCategory'),
      t('ikm.category'),
      report.byCategory.map((c) => ({ label: categoryLabel(t, c.category), result: c.result })),
    ),
    { kind: 'heading', text: t('ikm.comments') },
  );
  if (report.comments.length === 0) blocks.push({ kind: 'paragraph', text: t('ikm.noComments') });
  for (const c of report.comments.slice(0, 40)) blocks.push({ kind: 'paragraph', text: `• ${c}` });

  const count = db
    .prepare<[string, string], { n: number }>(IKM_RAW_COUNT_SQL)
    .get(report.from, report.to)!.n;
  const raw = db.prepare<[string, string], RawAnswer>(IKM_RAW_SQL);
  const columns: Column[] = [
    ...SKM_ELEMENTS.map((e) => ({ header: elementName(e, locale), width: 14 })),
    { header: t('ikm.gender'), width: 14 },
    { header: t('ikm.ageGroup'), width: 16 },
    { header: t('ikm.education'), width: 14 },
    { header: t('ikm.occupation'), width: 18 },
    { header: t('ikm.comment'), width: 50 },
  ];
  return {
    title: t('ikm.title'),
    subtitle: t('ikm.subtitle'),
    period: periodLine(t, locale, report.from, report.to),
    emptyNotice: o.respondents === 0 ? t('ikm.noAnswers') : null,
    blocks,
    method: [
      t('reporting.ikm.methodWeight'),
      t('reporting.ikm.methodRounding'),
      t('reporting.ikm.methodNrr'),
      t('reporting.ikm.methodGrade'),
      t('reporting.ikm.methodPopulation'),
    ],
    fileStem: `ikm-${report.from}-${report.to}`,
    detail: {
      sheetName: t('ikm.rawSheet'),
      columns,
      count,
      *rows() {
        const profileLabel = profileLabels(t);
        for (const a of raw.iterate(report.from, report.to))
          yield [
            ...SKM_ELEMENTS.map((e) => (a[e] ?? null) as Cell),
            profileLabel('genders', a.gender),
            profileLabel('ageGroups', a.age_group),
            profileLabel('educations', a.education),
            profileLabel('occupations', a.occupation),
            a.comment ?? '',
          ];
      },
    },
  };
}
