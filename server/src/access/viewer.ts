import type { Role } from '@ksp/shared';

/** Who is asking, taken from the session cookie only: never from query arguments. */
export type Viewer =
  { kind: 'anonymous' } | { kind: 'user'; userId: number; role: Role; companyId: number | null; observerId: number | null };

/**
 * One of a company's managers, whoever it is: what every manager of the company may see, by the
 * same grants (the report PDF is written for it, and results day's answers are computed ahead for it).
 */
export const managerOf = (companyId: number): Viewer => ({ kind: 'user', userId: 0, role: 'MANAGER', companyId, observerId: null });
