import type { Role } from '@ksp/shared';
import type { TestDatabase } from './db.js';
import type { ApiClient, useApi } from './api.js';
import { addUser } from '../src/modules/user/user.service.js';

/** The password of every user the factory makes unless a test gives one. */
export const TEST_PASSWORD = 'secret-pass';

/** What a user needs by role; e-mail and password have defaults. */
export type UserSpec = (
  | { role: Extract<Role, 'STAFF'> }
  | { role: Extract<Role, 'MANAGER'>; companySlug: string }
  | { role: Extract<Role, 'OBSERVER'>; observerId: string }
) & { email?: string; password?: string };

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
}

/**
 * Makes users in one test database. Default e-mails name the role's binding and are unique in
 * that database: staff@test.no, alfa@test.no (manager of alfa), obs-1@test.no (observer OBS-1);
 * a second one of the same becomes staff-2@test.no and so on.
 */
export function userFactory(db: TestDatabase): (spec: UserSpec) => Promise<TestUser> {
  const taken = new Set<string>();
  return async (spec) => {
    let email = spec.email;
    if (!email) {
      const name = spec.role === 'STAFF' ? 'staff' : spec.role === 'MANAGER' ? spec.companySlug : spec.observerId.toLowerCase();
      email = `${name}@test.no`;
      for (let n = 2; taken.has(email); n++) email = `${name}-${n}@test.no`;
    }
    taken.add(email.trim().toLowerCase());
    const password = spec.password ?? TEST_PASSWORD;
    const id = await addUser(db.orm.em.fork(), {
      email,
      password,
      role: spec.role,
      ...(spec.role === 'MANAGER' ? { companySlug: spec.companySlug } : {}),
      ...(spec.role === 'OBSERVER' ? { observerId: spec.observerId } : {}),
    });
    return { id, email, password, role: spec.role };
  };
}

/**
 * One helper per role, each giving a new client (its own session) that queries GraphQL and
 * fetches over HTTP as that viewer. The staff user, the manager of a company and the user of an
 * observer are made on first use and then reused, so `asManager('alfa')` twice is one user with
 * two sessions. Call once per test file, after `useTestDatabase` and `useApi`.
 */
export interface Viewers {
  asStaff(): Promise<ApiClient>;
  asManager(companySlug: string): Promise<ApiClient>;
  asObserver(observerId: string): Promise<ApiClient>;
  /** No session: the public. */
  anonymous(): Promise<ApiClient>;
  /** A user made here (with defaults), e.g. a second manager of a company, or with a given e-mail. */
  createUser(spec: UserSpec): Promise<TestUser>;
  /** A new client signed in as that user; `who` names it in assertion messages (its e-mail by default). */
  as(user: TestUser, who?: string): Promise<ApiClient>;
}

export function useViewers(db: TestDatabase, api: ReturnType<typeof useApi>): Viewers {
  const createUser = userFactory(db);
  const users = new Map<string, Promise<TestUser>>();
  const once = (key: string, spec: UserSpec) => {
    if (!users.has(key)) users.set(key, createUser(spec));
    return users.get(key)!;
  };
  const as = async (user: TestUser, who = user.email) => {
    const client = api.client();
    await client.login(user.email, user.password);
    client.who = who;
    return client;
  };
  return {
    asStaff: async () => as(await once('staff', { role: 'STAFF' }), 'staff'),
    asManager: async (companySlug) =>
      as(await once(`manager:${companySlug}`, { role: 'MANAGER', companySlug }), `manager of ${companySlug}`),
    asObserver: async (observerId) => as(await once(`observer:${observerId}`, { role: 'OBSERVER', observerId }), `observer ${observerId}`),
    anonymous: async () => api.client(),
    createUser,
    as,
  };
}
