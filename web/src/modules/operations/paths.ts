// The staff's operations pages (contract.md "Dashboard URLs": /drift/:year and the pages under it).
export const operationsPath = (year?: number | string) => (year === undefined ? '/drift' : `/drift/${year}`);
export const signUpsPath = (year: number | string) => `/drift/${year}/pameldinger`;
export const observersPath = (year: number | string) => `/drift/${year}/observatorer`;
export const plannerPath = (year: number | string) => `/drift/${year}/planlegging`;
export const queriesPath = (year: number | string) => `/drift/${year}/henvendelser`;
export const reviewPath = (year: number | string) => `/drift/${year}/kontroll`;
