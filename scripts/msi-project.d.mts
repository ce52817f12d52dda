export declare function addMachineDataFolder(wxs: string): string;
export declare function msiProjectCreated(projectFile: string): Promise<void>;
