import { lazy, type ComponentType } from 'react';

/** A screen module's named export, loaded the first time the screen is shown. */
function lazyScreen<Props extends object, Name extends string>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/**
 * The staff screens, each loaded when first shown: the login form is usable before the
 * reception, consultation (with pdf.js), report and admin code has even been fetched.
 */
export const ReceptionScreen = lazyScreen(
  () => import('./screens/reception/ReceptionScreen'),
  'ReceptionScreen',
);
export const ConsultationScreen = lazyScreen(
  () => import('./screens/consultation/ConsultationScreen'),
  'ConsultationScreen',
);
export const FollowUpScreen = lazyScreen(
  () => import('./screens/followup/FollowUpScreen'),
  'FollowUpScreen',
);
export const ReportsScreen = lazyScreen(
  () => import('./screens/reports/ReportsScreen'),
  'ReportsScreen',
);
export const StaffAdmin = lazyScreen(() => import('./screens/admin/StaffAdmin'), 'StaffAdmin');
export const StationPanel = lazyScreen(
  () => import('./screens/station/StationPanel'),
  'StationPanel',
);
export const BackupAdmin = lazyScreen(() => import('./screens/backup/BackupAdmin'), 'BackupAdmin');
export const PrivacyScreen = lazyScreen(
  () => import('./screens/privacy/PrivacyScreen'),
  'PrivacyScreen',
);
export const RecordsScreen = lazyScreen(
  () => import('./screens/records/RecordsScreen'),
  'RecordsScreen',
);
export const AuditScreen = lazyScreen(() => import('./screens/audit/AuditScreen'), 'AuditScreen');
