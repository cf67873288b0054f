/** Writes `rows` generated labelled CSV rows (interaction columns, text on ~70 % of rows, `complained`) to `file`, reused when it exists; returns the file. */
export function fitDataFile(rows: number, file: string, seed?: number): Promise<string>;
export const FIT_DATA_FORMAT: string;
