import type { Role } from '@ksp/shared';

/** Who is asking, taken from the session cookie only: never from query arguments. */
export type Viewer =
  { kind: 'anonymous' } | { kind: 'user'; userId: number; role: Role; companyId: number | null; observerId: number | null };
