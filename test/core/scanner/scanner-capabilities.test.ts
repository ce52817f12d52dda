import { describe, expect, it } from 'vitest';
import { parseCapabilities } from '../../../electron/core/scanner/scanner-capabilities';

// Shaped like `scanimage -A` of three kinds of drivers; the option lines are what matters.
const FLATBED_WITH_ADF = `
All options specific to device \`epson2:net:10.0.0.5':
  Scan Mode:
    --mode Lineart|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 75|150|300|600|1200dpi [75]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
        Selects the scan source (such as a document-feeder).
`;

const SHEETFED_DUPLEX = `
All options specific to device \`fujitsu:fi-7160:1234':
  Standard:
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 50..600dpi (in steps of 1) [600]
        Sets the horizontal resolution of the scanned image.
`;

const GLASS_ONLY = `
All options specific to device \`genesys:libusb:001:004':
  Scan Mode:
    --mode Color|Gray|Color 16|Gray 16 [Color]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 4800|2400|1200|600|300|150|100|75dpi [75]
        Sets the resolution of the scanned image.
`;

describe("a scanner's own options", () => {
  it('offers a flatbed with a feeder under the names the driver uses', () => {
    expect(parseCapabilities(FLATBED_WITH_ADF)).toEqual({
      modes: ['Lineart', 'Gray', 'Color'],
      preferredMode: 'Gray',
      sources: [
        { kind: 'flatbed', name: 'Flatbed' },
        { kind: 'feeder', name: 'Automatic Document Feeder' },
      ],
      resolutions: [75, 150, 300, 600],
    });
  });

  it('offers a sheet-fed scanner its front feeder only, and usual resolutions within its range', () => {
    expect(parseCapabilities(SHEETFED_DUPLEX)).toEqual({
      modes: ['Lineart', 'Halftone', 'Gray', 'Color'],
      preferredMode: 'Gray',
      sources: [{ kind: 'feeder', name: 'ADF Front' }],
      resolutions: [75, 100, 150, 200, 300, 400, 600],
    });
  });

  it('scans from the glass without --source when the device has none', () => {
    expect(parseCapabilities(GLASS_ONLY)).toEqual({
      modes: ['Color', 'Gray', 'Color 16', 'Gray 16'],
      preferredMode: 'Gray',
      sources: [{ kind: 'flatbed', name: null }],
      resolutions: [600, 300, 150, 100, 75],
    });
  });

  it('falls back to the device default mode, or nothing at all', () => {
    expect(parseCapabilities('    --mode Binary|24bit Color [24bit Color]\n').preferredMode).toBe(
      '24bit Color',
    );
    expect(parseCapabilities('')).toEqual({
      modes: [],
      preferredMode: null,
      sources: [{ kind: 'flatbed', name: null }],
      resolutions: [150],
    });
  });
});
