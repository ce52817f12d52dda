import type { MethodInput, MethodName } from '../../shared/api/contract';
import { slipViewSchema, type SlipTarget } from '../../shared/domain/slip';
import { staffSchema, type Staff } from '../../shared/domain/staff';
import { AppError } from '../core/errors';
import { printSlip } from '../core/printing/print-slip';
import type { PrinterSettingsFile } from '../core/printing/printer-settings';
import type { ThermalOptions } from '../core/printing/thermal-printer';
import type { HubCalls } from './hub-calls';
import { HubAnswer, type LocalCall, type LocalHandler } from './station-dispatch';

export interface StationSlipDeps {
  calls: HubCalls;
  /** This station's own printer (printer.json in its data folder). */
  printer: PrinterSettingsFile;
  thermal?: ThermalOptions;
}

async function onHub(
  calls: HubCalls,
  call: LocalCall,
  method: MethodName,
  input: unknown,
): Promise<unknown> {
  const result = await calls.call('staff', method, input, {
    sessionToken: call.sessionToken,
    locale: call.locale,
  });
  if (!result.ok) throw new HubAnswer(result);
  return result.value;
}

/**
 * The slip methods a station answers itself: the printer on its own desk. The slip's facts and
 * the print record are the hub's, asked for with the staff member's own session, so the hub
 * decides who may print what.
 */
export function createStationSlipMethods(
  deps: StationSlipDeps,
): Partial<Record<MethodName, LocalHandler>> {
  const { calls, printer } = deps;
  const whoIs = async (call: LocalCall): Promise<Staff> =>
    staffSchema.parse(await onHub(calls, call, 'auth.me', {}));

  return {
    'slip.print': async (input, call) => {
      const { target, reprint } = input as MethodInput<'slip.print'>;
      return printSlip(
        {
          view: async (t: SlipTarget) =>
            slipViewSchema.parse(await onHub(calls, call, 'slip.get', { target: t })),
          recordPrinted: async (t: SlipTarget, again: boolean) => {
            const done = (await onHub(calls, call, 'slip.recordPrinted', {
              target: t,
              via: 'thermal',
              reprint: again,
            })) as { printedCount: number };
            return done.printedCount;
          },
        },
        printer.read(),
        target,
        reprint,
        deps.thermal,
      );
    },
    'printer.get': async (_input, call) => {
      await whoIs(call);
      return printer.read();
    },
    'printer.save': async (input, call) => {
      const staff = await whoIs(call);
      if (!staff.roles.includes('admin')) throw new AppError('FORBIDDEN');
      return printer.save(input as MethodInput<'printer.save'>);
    },
  };
}
