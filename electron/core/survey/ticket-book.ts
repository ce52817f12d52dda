import { randomBytes } from 'node:crypto';

/** What an opaque ticket on the visitor's screen stands for; only this process knows. */
export interface Ticket {
  visitId: number;
  officerId: number;
  /** When the survey was handed over (ISO); a new hand-over of an expired survey changes it. */
  readyAt: string;
  startedAt: number | null;
}

/** The tickets handed to survey screens, one per pending visit, dropped once they are dead. */
export class TicketBook {
  private readonly byTicket = new Map<string, Ticket>();
  private readonly byVisit = new Map<number, string>();

  /** The visit's ticket, issued on first sight; a started survey keeps its ticket. */
  issue(visitId: number, officerId: number, readyAt: string): string {
    const known = this.byVisit.get(visitId);
    const held = known === undefined ? undefined : this.byTicket.get(known);
    if (known !== undefined && held) {
      held.readyAt = readyAt;
      return known;
    }
    const ticket = randomBytes(18).toString('base64url');
    this.byTicket.set(ticket, { visitId, officerId, readyAt, startedAt: null });
    this.byVisit.set(visitId, ticket);
    return ticket;
  }

  get(ticket: string): Ticket | undefined {
    return this.byTicket.get(ticket);
  }

  forVisit(visitId: number): Ticket | undefined {
    const ticket = this.byVisit.get(visitId);
    return ticket === undefined ? undefined : this.byTicket.get(ticket);
  }

  drop(ticket: string): void {
    const t = this.byTicket.get(ticket);
    if (!t) return;
    this.byTicket.delete(ticket);
    this.byVisit.delete(t.visitId);
  }

  /** Forgets every ticket that is no longer alive, so the book never outgrows the pending few. */
  sweep(alive: (t: Ticket) => boolean): void {
    for (const [ticket, t] of this.byTicket) if (!alive(t)) this.drop(ticket);
  }

  get size(): number {
    return this.byTicket.size;
  }
}
