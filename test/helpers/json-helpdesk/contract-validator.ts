import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

export const OPENAPI_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'api',
  'helpdesk-backend.openapi.yaml',
);

export type ContractSchema =
  'NewTicket' | 'NewNote' | 'Ticket' | 'TicketList' | 'Health' | 'Problem';

/**
 * JSON Schema validators for the components of Loket's backend contract, compiled from the
 * OpenAPI file itself, so that a test backend checks what the connector sends (and what it
 * answers) against the document a real backend team would read.
 */
export function contractValidators(): {
  document: unknown;
  check: (schema: ContractSchema, value: unknown) => string | null;
} {
  const document: unknown = parse(readFileSync(OPENAPI_FILE, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !isNaN(Date.parse(s)),
  });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
  ajv.addSchema(document as object, 'loket-helpdesk');
  const compiled = new Map<ContractSchema, ValidateFunction>();
  return {
    document,
    check(schema, value) {
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.getSchema(`loket-helpdesk#/components/schemas/${schema}`);
        if (!validate) throw new Error(`no schema ${schema} in the contract`);
        compiled.set(schema, validate);
      }
      if (validate(value)) return null;
      return ajv.errorsText(validate.errors, { dataVar: schema });
    },
  };
}
