import type { z } from 'zod';
import type { WindowKind } from '../domain/roles';
import { roleSchema } from '../domain/roles';
import { visitorTypeSchema } from '../domain/visitor-types';
import { accessMethods } from './methods/access';
import { attachmentMethods } from './methods/attachments';
import { boardMethods } from './methods/board';
import { caseMethods } from './methods/cases';
import { followUpMethods } from './methods/followup';
import { helpdeskMethods } from './methods/helpdesk';
import { queueMethods } from './methods/queue';
import { receptionMethods } from './methods/reception';
import { referenceMethods } from './methods/reference';
import { reportMethods } from './methods/reports';
import { scannerMethods } from './methods/scanner';
import { staffMethods } from './methods/staff';
import { stationMethods } from './methods/station';
import { storageMethods } from './methods/storage';
import { surveyMethods } from './methods/survey';
import { hubStationMethods } from './methods/stations';
import { privacyErasureMethods } from './methods/privacy-erasure';
import { privacyRetentionMethods } from './methods/privacy-retention';
import { privacyRequestMethods } from './methods/privacy-requests';
import { backupMethods } from './methods/backup';
import { recordsMethods } from './methods/records';
import { slipMethods } from './methods/slips';
import { waitingMethods } from './methods/waiting';

export type { Access, MethodSpec } from './methods/method';

/** One method list per domain (shared/api/methods/); the contract is their union. */
const DOMAINS = [
  accessMethods,
  staffMethods,
  receptionMethods,
  referenceMethods,
  queueMethods,
  caseMethods,
  attachmentMethods,
  scannerMethods,
  helpdeskMethods,
  storageMethods,
  followUpMethods,
  surveyMethods,
  reportMethods,
  hubStationMethods,
  stationMethods,
  boardMethods,
  privacyErasureMethods,
  privacyRetentionMethods,
  privacyRequestMethods,
  backupMethods,
  recordsMethods,
  slipMethods,
  waitingMethods,
] as const;

type Domains = typeof DOMAINS;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type Joined = UnionToIntersection<Domains[number]>;
type KeysOf<U> = U extends unknown ? keyof U : never;
/** The names that more than one domain claims; `never` when the domains are disjoint. */
type Overlap<T extends readonly object[]> = T extends readonly [
  infer Head extends object,
  ...infer Rest extends readonly object[],
]
  ? (keyof Head & KeysOf<Rest[number]>) | Overlap<Rest>
  : never;
/** A compile error names any method declared in two domains: a spread would silently keep one. */
type AssertDisjoint<T extends never> = T;
export type DomainsAreDisjoint = AssertDisjoint<Overlap<[...Domains]>>;

export const contract = Object.assign({}, ...DOMAINS) as { [K in keyof Joined]: Joined[K] };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The methods a window of this kind may call at all (checked before roles). */
export function methodsForWindow(kind: WindowKind): MethodName[] {
  return METHOD_NAMES.filter((m) => (contract[m].windows as readonly WindowKind[]).includes(kind));
}

export const visitorTypeOptions = visitorTypeSchema.options;
export const roleOptions = roleSchema.options;
