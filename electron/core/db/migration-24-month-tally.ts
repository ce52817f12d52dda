import { SKM_ELEMENTS } from '../../../shared/domain/skm';
import type { Migration } from './migrations';

const FIGURES = ['respondents', ...SKM_ELEMENTS.flatMap((e) => [`${e}_sum`, `${e}_count`])];

/** One row of survey_tally (`new` or `old`) added to (sign 1) or taken from (-1) its month. */
function addToMonth(row: 'new' | 'old', sign: 1 | -1): string {
  const value = (f: string) => (sign === 1 ? `${row}.${f}` : `-${row}.${f}`);
  return `INSERT INTO survey_tally_month (service_month, officer_id, category, ${FIGURES.join(', ')})
      VALUES (substr(${row}.service_day, 1, 7), ${row}.officer_id, ${row}.category,
              ${FIGURES.map(value).join(', ')})
      ON CONFLICT (service_month, officer_id, category) DO UPDATE SET
        ${FIGURES.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')};`;
}

/** A month's row left at no respondents is gone, as a day's row that was never written. */
const DROP_EMPTY = `DELETE FROM survey_tally_month
      WHERE service_month = substr(old.service_day, 1, 7) AND officer_id = old.officer_id
        AND category = old.category AND respondents = 0;`;

/**
 * The IKM report read a year's daily tallies four times (days × officers × categories rows:
 * 13–125 ms at 1M answers). The same figures summed by month are a few hundred rows a year.
 * Kept by triggers on survey_tally, so they change in the answer's own transaction, whoever
 * writes the day's tally; filled here from the daily tallies a desk already has.
 */
export const MONTH_TALLY_MIGRATION: Migration = {
  version: 24,
  name: 'IKM tallies by month',
  sql: `
    CREATE TABLE survey_tally_month (
      service_month TEXT NOT NULL CHECK (service_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      officer_id INTEGER NOT NULL,
      category TEXT NOT NULL,
      ${FIGURES.map((f) => `${f} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (service_month, officer_id, category)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO survey_tally_month (service_month, officer_id, category, ${FIGURES.join(', ')})
      SELECT substr(service_day, 1, 7), officer_id, category,
             ${FIGURES.map((f) => `sum(${f})`).join(', ')}
        FROM survey_tally GROUP BY 1, 2, 3;
    CREATE TRIGGER survey_tally_month_insert AFTER INSERT ON survey_tally BEGIN
      ${addToMonth('new', 1)}
    END;
    CREATE TRIGGER survey_tally_month_update AFTER UPDATE ON survey_tally BEGIN
      ${addToMonth('old', -1)}
      ${addToMonth('new', 1)}
      ${DROP_EMPTY}
    END;
    CREATE TRIGGER survey_tally_month_delete AFTER DELETE ON survey_tally BEGIN
      ${addToMonth('old', -1)}
      ${DROP_EMPTY}
    END;
  `,
};
