import { lazy } from 'react';

/**
 * The staff screens, each loaded when first shown: the login form is usable before the
 * reception, consultation (with pdf.js), report and admin code has even been fetched.
 */
export const ReceptionScreen = lazy(() =>
  import('./screens/reception/ReceptionScreen').then((m) => ({ default: m.ReceptionScreen })),
);
export const ConsultationScreen = lazy(() =>
  import('./screens/consultation/ConsultationScreen').then((m) => ({
    default: m.ConsultationScreen,
  })),
);
export const FollowUpScreen = lazy(() =>
  import('./screens/followup/FollowUpScreen').then((m) => ({ default: m.FollowUpScreen })),
);
export const IkmReportScreen = lazy(() =>
  import('./screens/reports/IkmReportScreen').then((m) => ({ default: m.IkmReportScreen })),
);
export const StaffAdmin = lazy(() =>
  import('./screens/admin/StaffAdmin').then((m) => ({ default: m.StaffAdmin })),
);
export const StationPanel = lazy(() =>
  import('./screens/station/StationPanel').then((m) => ({ default: m.StationPanel })),
);
