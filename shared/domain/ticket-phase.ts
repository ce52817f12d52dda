/**
 * Where a backend helpdesk ticket stands, in Loket's terms: every connector maps its backend's
 * own words (RT's lifecycle, or the HTTPS JSON contract's) onto these.
 */
export const TICKET_PHASES = ['new', 'in_progress', 'paused', 'resolved', 'rejected'] as const;
export type TicketPhase = (typeof TICKET_PHASES)[number];
