import { serviceDayOf } from '../../../shared/time';

/** How long a handed-over survey is offered: long enough to walk from the desk to the screen. */
export const SURVEY_OFFER_MS = 30 * 60_000;
/** A survey the visitor has started may still be sent this long after starting it. */
export const SURVEY_FINISH_MS = 15 * 60_000;

/**
 * A hand-over is offered while it is younger than SURVEY_OFFER_MS and of today's WIB service
 * day: whoever stands at the screen later is not the visitor it was meant for.
 */
export interface OfferWindow {
  /** Hand-overs strictly after this instant (ISO, UTC) … */
  after: string;
  /** … and at or after the start of today's service day. */
  dayStart: string;
}

export function offerWindow(now: Date): OfferWindow {
  return {
    after: new Date(now.getTime() - SURVEY_OFFER_MS).toISOString(),
    // WIB is UTC+7 all year, so the service day starts at 00:00+07:00.
    dayStart: new Date(`${serviceDayOf(now)}T00:00:00+07:00`).toISOString(),
  };
}

export function isOffered(readyAt: string, now: Date): boolean {
  const w = offerWindow(now);
  return readyAt > w.after && readyAt >= w.dayStart;
}

/** A started survey may be finished shortly after, but never on another service day. */
export function mayFinish(startedAtMs: number, now: Date): boolean {
  return (
    now.getTime() - startedAtMs < SURVEY_FINISH_MS &&
    serviceDayOf(new Date(startedAtMs)) === serviceDayOf(now)
  );
}
