import { ConnectorError } from '../../electron/core/sync/connectors/helpdesk-connector';

/** The ConnectorError a call must fail with; a success or another error fails the test. */
export async function connectorFailure(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConnectorError) return err;
    throw err;
  }
  throw new Error('expected a ConnectorError, the call succeeded');
}
