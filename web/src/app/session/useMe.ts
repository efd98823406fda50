import { useQuery, type CombinedError } from 'urql';
import { MeDocument, type Me, type OwnParticipation } from './documents';

export interface MeState {
  /** `null` when nobody is signed in; `undefined` while loading. */
  me: Me | null | undefined;
  error: CombinedError | undefined;
}

export function useMe(): MeState {
  const [result] = useQuery({ query: MeDocument });
  return { me: result.data ? result.data.me : result.error ? null : undefined, error: result.error };
}

export const isStaff = (me: Me | null | undefined) => me?.role === 'STAFF';

/** The viewer's own participation in a year, if it is a manager of `companySlug`. */
export function ownParticipation(me: Me | null | undefined, year: number, companySlug: string): OwnParticipation | undefined {
  if (!me || me.company?.slug !== companySlug) return undefined;
  return me.participations.find((p) => p.year === year);
}

/** A manager of `companySlug`: the one who may query its responses. */
export const isManagerOf = (me: Me | null | undefined, companySlug: string) => me?.role === 'MANAGER' && me.company?.slug === companySlug;
