/** The store's and the correlation's defaults, in a module that loads no database (the CLI registers with them). */
export const DEFAULT_RETENTION_DAYS = 400;
export const DEFAULT_WINDOW_HOURS = 24;
export const DEFAULT_PERMUTATIONS = 10_000;
export const DEFAULT_SEED = 15;
