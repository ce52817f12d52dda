import type { ErrorCode } from '../../../shared/api/errors';
import type { ConnectorErrorKind } from './connectors/helpdesk-connector';

/** A failed helpdesk call as staff read it: what went wrong and who can fix it. */
export function helpdeskErrorCode(kind: ConnectorErrorKind): ErrorCode {
  switch (kind) {
    case 'auth':
      return 'HELPDESK_AUTH';
    case 'setup':
      return 'HELPDESK_SETUP_INCOMPLETE';
    case 'rejected':
      return 'HELPDESK_REJECTED';
    case 'protocol':
      return 'HELPDESK_PROTOCOL';
    case 'unreachable':
    case 'timeout':
    case 'server':
      return 'HELPDESK_UNREACHABLE';
  }
}
