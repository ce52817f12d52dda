export declare const LOKET_FUSES: Readonly<Record<string, boolean>>;
export declare function packagedExecutable(
  platform: string,
  appOutDir: string,
  productFilename: string,
  executableName: string,
): string;
export declare function afterPack(context: unknown): Promise<void>;
