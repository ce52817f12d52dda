export const QUEUE_PREFIX = 'K';

export function formatQueueNumber(n: number): string {
  return `${QUEUE_PREFIX}-${String(n).padStart(3, '0')}`;
}
