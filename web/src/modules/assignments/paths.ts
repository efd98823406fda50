/** The observer's pages (contract.md "Dashboard URLs"). */
export const assignmentsPath = '/oppdrag';
export const assignmentPath = (assignmentId: string) => `/oppdrag/${encodeURIComponent(assignmentId)}`;
