/** Builds dist/app.js and its lazily loaded chunks; resolves to each file's size in bytes, raw and gzipped. */
export declare function buildApp(options?: { quiet?: boolean }): Promise<{ name: string; bytes: number; gzip: number; initial: boolean }[]>;
