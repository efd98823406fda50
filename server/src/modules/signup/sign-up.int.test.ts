import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi, type ApiClient } from '@server/test/api.js';
import { fixtures, PARTICIPANTS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { rows } from '../../db/sql.js';
import { storeEdition } from '../edition/edition-bundle.js';
import { SIGN_UP_LIMIT } from './sign-up-limit.js';

/**
 * Sign-up (anyone, an edition in PLANNING) and staff's decision. 2024 is published with alfa,
 * beta and gamma (gamma: 100 % over its one e-mail, factories.ts); 2025 is in planning with
 * alfa and beta (classes Bank), so gamma signing up again by its organisation number keeps its
 * slug and its history.
 */
const db = useTestDatabase();
const api = useApi(db, { trustProxy: ['loopback'] });
const { asStaff, asManager, asObserver, anonymous, createUser } = useViewers(db, api);
const { fixtureBundle } = fixtures();

const GAMMA_NUMBER = '974760673'; // Brønnøysundregistrene's number, checked in shared/src/signup
const ALFA_NUMBER = '984851006';

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    await storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' });
    const planning = PARTICIPANTS.filter((p) => p.companySlug !== 'gamma');
    await storeEdition(em, fixtureBundle({ year: 2025, participants: planning, responses: [] }), { status: 'PLANNING' });
  });
  await db.sql.query(
    `update company set organisation_number = case slug when 'gamma' then $1 when 'alfa' then $2 end where slug in ('alfa','gamma')`,
    [GAMMA_NUMBER, ALFA_NUMBER],
  );
});

let address = 0;
/** Anyone, from an address of its own, so the per-address limit is tested only where it is meant to be. */
async function someone(): Promise<ApiClient> {
  const client = await anonymous();
  address += 1;
  client.headers['x-forwarded-for'] = `198.51.100.${address}`;
  return client;
}

const SIGN_UP = `mutation($year: Int!, $input: SignUpInput!) { signUp(year: $year, input: $input) {
  id year companyName organisationNumber className tier channels competitors reportPurchased openingHours contactName contactEmail status decidedAt } }`;
const ACCEPT = `mutation($id: ID!) { acceptSignUp(id: $id) { year className company { slug name } managerWelcome { email link existingUser expiresAt } } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineSignUp(id: $id, reason: $reason) { id status declineReason decidedBy decidedAt } }`;
const SIGN_UPS = `query($year: Int!) { signUps(year: $year) { id companyName status decidedBy declineReason companySlug } }`;

const equinor = (overrides: Record<string, unknown> = {}) => ({
  companyName: 'Equinor ASA',
  organisationNumber: '923 609 016',
  className: 'Bank',
  tier: 'ENKEL',
  channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
  reportPurchased: true,
  contactName: 'Kari Nordmann',
  contactEmail: 'Kari@Equinor.no',
  openingHours: 'man–fre 08:00–16:00',
  ...overrides,
});

type Field = { field: string; reason: string; message: string };
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.fields as Field[] | undefined)?.map((f) => `${f.field}:${f.reason}`);

describe('signing up', () => {
  it('stores a valid sign-up from anyone, pending, with the number without spaces', async () => {
    const result = await (await someone()).query(SIGN_UP, { year: 2025, input: equinor() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.signUp).toMatchObject({
      year: 2025,
      companyName: 'Equinor ASA',
      organisationNumber: '923609016',
      className: 'Bank',
      tier: 'ENKEL',
      channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
      competitors: [],
      reportPurchased: true,
      openingHours: 'man–fre 08:00–16:00',
      contactName: 'Kari Nordmann',
      contactEmail: 'Kari@Equinor.no',
      status: 'PENDING',
      decidedAt: null,
    });
    const [row] = await rows(db.sql, `select organisation_number, status from sign_up where company_name = 'Equinor ASA'`);
    expect(row).toEqual({ organisation_number: '923609016', status: 'PENDING' });
  });

  it('refuses each bad field as BAD_USER_INPUT naming the field and the reason, with a Norwegian message', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ companyName: ' ' }, { field: 'companyName', reason: 'REQUIRED' }, 'Skriv navnet på selskapet.'],
      [
        { organisationNumber: '92360901' },
        { field: 'organisationNumber', reason: 'NOT_NINE_DIGITS', value: '8' },
        'Et organisasjonsnummer har 9 siffer, dette har 8.',
      ],
      [
        { organisationNumber: '923609017' },
        { field: 'organisationNumber', reason: 'CHECK_DIGIT' },
        'Kontrollsifferet stemmer ikke: se etter om et siffer er skrevet feil.',
      ],
      [
        { className: 'Energi' },
        { field: 'className', reason: 'UNKNOWN_CLASS', value: 'Energi' },
        'Klassen «Energi» finnes ikke i denne utgaven.',
      ],
      [{ channels: [] }, { field: 'channels', reason: 'NO_CHANNEL' }, 'Velg minst én kanal selskapet kan kontaktes på.'],
      [{ channels: ['PHONE', 'PHONE'] }, { field: 'channels', reason: 'DUPLICATE_CHANNEL' }, 'En kanal er valgt to ganger.'],
      [
        { competitors: ['Alfa Bank'] },
        { field: 'competitors', reason: 'COMPETITORS_ONLY_KONKURRENT' },
        'Konkurrenter velges bare på nivå Konkurrent.',
      ],
      [
        { tier: 'KONKURRENT', competitors: ['Omega AS'] },
        { field: 'competitors', reason: 'UNKNOWN_COMPETITOR', value: 'Omega AS' },
        '«Omega AS» er ikke påmeldt eller deltaker i denne utgaven.',
      ],
      [{ contactName: '' }, { field: 'contactName', reason: 'REQUIRED' }, 'Skriv navnet på kontaktpersonen.'],
      [{ contactEmail: 'kari' }, { field: 'contactEmail', reason: 'BAD_EMAIL' }, 'Dette ser ikke ut som en e-postadresse (navn@firma.no).'],
      [
        { openingHours: '8-16' },
        { field: 'openingHours', reason: 'BAD_OPENING_HOURS' },
        'Skriv åpningstidene som «08:00–16:00» eller «man–fre 08:00–16:00; lør 10:00–14:00».',
      ],
    ];
    for (const [input, problem, message] of cases) {
      const result = await (
        await someone()
      ).query(SIGN_UP, { year: 2025, input: equinor({ organisationNumber: '910 000 004', ...input }) });
      expect(errorCodes(result), String(problem.reason)).toEqual(['signUp:BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ ...problem, message }] });
      expect(result.errors![0]!.message).toBe(message);
    }
    expect(await rows(db.sql, `select 1 from sign_up where organisation_number = '910000004'`)).toEqual([]);
  });

  it('refuses a second sign-up of one organisation number, and the number of a participant', async () => {
    const again = await (await someone()).query(SIGN_UP, { year: 2025, input: equinor({ companyName: 'Statoil' }) });
    expect(fieldsOf(again)).toEqual(['organisationNumber:ALREADY_SIGNED_UP']);
    expect(again.errors![0]!.message).toBe('Dette organisasjonsnummeret er allerede påmeldt denne utgaven.');
    const alfa = await (
      await someone()
    ).query(SIGN_UP, { year: 2025, input: equinor({ companyName: 'Alfa', organisationNumber: ALFA_NUMBER }) });
    expect(fieldsOf(alfa)).toEqual(['organisationNumber:ALREADY_SIGNED_UP']);
    // The database refuses it too, whatever writes.
    await expect(
      db.sql
        .query(`insert into sign_up (edition_id, company_name, organisation_number, class_name, tier, channels, report_purchased, contact_name, contact_email)
        select edition_id, 'X', organisation_number, class_name, tier, channels, true, 'X', 'x@x.no' from sign_up where organisation_number = '923609016'`),
    ).rejects.toThrow(/sign_up_edition_id_organisation_number_unique|duplicate key/);
  });

  it('refuses sign-up for an edition that is not in planning, saying so, and an unknown year', async () => {
    const closed = await (await someone()).query(SIGN_UP, { year: 2024, input: equinor({ organisationNumber: '910000004' }) });
    expect(errorCodes(closed)).toEqual(['signUp:BAD_USER_INPUT']);
    expect(closed.errors![0]!.message).toBe('Påmeldingen til KSP 2024 er stengt: utgaven er ikke lenger i planlegging.');
    expect(closed.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'NOT_PLANNING' });
    const unknown = await (await someone()).query(SIGN_UP, { year: 2030, input: equinor() });
    expect(errorCodes(unknown)).toEqual(['signUp:NOT_FOUND']);
  });

  it('gives the form the classes and the names to pick competitors from, only while open', async () => {
    const form = `query($year: Int!) { signUpForm(year: $year) { year name open classNames companyNames } }`;
    const open = await (await someone()).query(form, { year: 2025 });
    expect(open.data!.signUpForm).toEqual({
      year: 2025,
      name: 'KSP 2025',
      open: true,
      classNames: ['Bank'],
      companyNames: ['Alfa Bank', 'Beta Sparebank', 'Equinor ASA'],
    });
    const closed = await (await someone()).query(form, { year: 2024 });
    expect(closed.data!.signUpForm).toEqual({ year: 2024, name: 'KSP 2024', open: false, classNames: [], companyNames: [] });
  });

  it(`limits one address to ${SIGN_UP_LIMIT.attempts} attempts an hour`, async () => {
    const client = await someone();
    const codes: string[] = [];
    for (let i = 0; i <= SIGN_UP_LIMIT.attempts; i++) {
      codes.push(...errorCodes(await client.query(SIGN_UP, { year: 2025, input: equinor({ companyName: '' }) })));
    }
    expect(codes.slice(0, SIGN_UP_LIMIT.attempts).every((c) => c === 'signUp:BAD_USER_INPUT')).toBe(true);
    expect(codes.at(-1)).toBe('signUp:TOO_MANY_REQUESTS');
  });
});

describe('who may list and decide sign-ups', () => {
  it('staff only: managers and observers are forbidden, the public must sign in', async () => {
    const { id } = (await rows<{ id: number }>(db.sql, `select id from sign_up where organisation_number = '923609016'`))[0]!;
    const viewers = [
      [await asManager('alfa'), 'FORBIDDEN'],
      [await asObserver('OBS-1'), 'FORBIDDEN'],
      [await someone(), 'UNAUTHENTICATED'],
    ] as const;
    for (const [viewer, code] of viewers) {
      expect(errorCodes(await viewer.query(SIGN_UPS, { year: 2025 })), viewer.who).toEqual([`signUps:${code}`]);
      expect(errorCodes(await viewer.query(ACCEPT, { id: String(id) })), viewer.who).toEqual([`acceptSignUp:${code}`]);
      expect(errorCodes(await viewer.query(DECLINE, { id: String(id), reason: 'Nei' })), viewer.who).toEqual([`declineSignUp:${code}`]);
    }
    const staff = await asStaff();
    const list = await staff.query(SIGN_UPS, { year: 2025 });
    expect(list.data!.signUps).toEqual([
      { id: String(id), companyName: 'Equinor ASA', status: 'PENDING', decidedBy: null, declineReason: null, companySlug: null },
    ]);
  });
});

describe('accepting a sign-up', () => {
  it('creates the company, the participation (three channels) and a manager with a one-time link', async () => {
    const staff = await asStaff();
    const { id } = (await rows<{ id: number }>(db.sql, `select id from sign_up where organisation_number = '923609016'`))[0]!;
    const result = await staff.query(ACCEPT, { id: String(id) });
    expect(result.errors).toBeUndefined();
    const accepted = result.data!.acceptSignUp;
    expect(accepted).toMatchObject({
      year: 2025,
      className: 'Bank',
      company: { slug: 'equinor-asa', name: 'Equinor ASA' },
      managerWelcome: { email: 'kari@equinor.no', existingUser: false },
    });
    expect(accepted.managerWelcome.link).toMatch(/^\/velkommen\/[A-Za-z0-9_-]{43}$/);
    // Four channels offered, the edition's third-channel preference (CHAT by default) chosen with PHONE and EMAIL.
    const [participation] = await rows(
      db.sql,
      `select p.tier, p.channels, p.report_purchased, p.opening_hours, c.organisation_number, u.role, u.email
       from participation p join company c on c.id = p.company_id join app_user u on u.company_id = c.id where c.slug = 'equinor-asa'`,
    );
    expect(participation).toEqual({
      tier: 'ENKEL',
      channels: ['PHONE', 'EMAIL', 'CHAT'],
      report_purchased: true,
      opening_hours: 'man–fre 08:00–16:00',
      organisation_number: '923609016',
      role: 'MANAGER',
      email: 'kari@equinor.no',
    });
    // Only the hash of the token is stored, with 14 days to go.
    const [link] = await rows<{ token_hash: string; days: number }>(
      db.sql,
      `select token_hash, round(extract(epoch from expires_at - created_at) / 86400) as days from welcome_link`,
    );
    expect(link!.days).toBe(14);
    expect(link!.token_hash).not.toContain(accepted.managerWelcome.link.split('/').pop());
    const list = await staff.query(SIGN_UPS, { year: 2025 });
    expect(list.data!.signUps).toEqual([
      {
        id: String(id),
        companyName: 'Equinor ASA',
        status: 'ACCEPTED',
        decidedBy: 'staff@test.no',
        declineReason: null,
        companySlug: 'equinor-asa',
      },
    ]);
    // Decided once: a second accept is refused.
    const twice = await staff.query(ACCEPT, { id: String(id) });
    expect(errorCodes(twice)).toEqual(['acceptSignUp:BAD_USER_INPUT']);
    expect(twice.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'ALREADY_DECIDED', status: 'ACCEPTED' });

    // The link sets a password and signs in, once.
    const token = accepted.managerWelcome.link.split('/').pop();
    const newcomer = await someone();
    const info = await newcomer.query(`query($t: String!) { welcomeLink(token: $t) { email } }`, { t: token });
    expect(info.data!.welcomeLink).toEqual({ email: 'kari@equinor.no' });
    const USE = `mutation($t: String!, $p: String!) { useWelcomeLink(token: $t, password: $p) { role } }`;
    const short = await newcomer.query(USE, { t: token, p: 'kort' });
    expect(errorCodes(short)).toEqual(['useWelcomeLink:BAD_USER_INPUT']);
    expect(fieldsOf(short)).toEqual(['password:TOO_SHORT']);
    expect(short.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'password', reason: 'TOO_SHORT', message: 'Passordet må ha minst 8 tegn.', min: 8 }],
    });
    const used = await newcomer.query(USE, { t: token, p: 'et-godt-passord' });
    expect(used.data!.useWelcomeLink).toEqual({ role: 'MANAGER' });
    const me = await newcomer.query(`{ me { email role company { slug } } }`);
    expect(me.data!.me).toMatchObject({ role: 'MANAGER', company: { slug: 'equinor-asa' } });
    const again = await (await someone()).query(USE, { t: token, p: 'et-annet-passord' });
    expect(errorCodes(again)).toEqual(['useWelcomeLink:BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toBe('Lenken virker ikke: den er ukjent, utløpt eller allerede brukt. Be KSP om en ny.');
    expect(again.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'INVALID_LINK' });
    expect(
      (await (await someone()).query(`query($t: String!) { welcomeLink(token: $t) { email } }`, { t: token })).data!.welcomeLink,
    ).toBeNull();
    await (await someone()).login('kari@equinor.no', 'et-godt-passord');
  });

  it('finds a company by organisation number: gamma keeps its slug and last year’s total', async () => {
    const staff = await asStaff();
    await createUser({ role: 'STAFF', email: 'ola@gamma.no' }); // the contact already has an account
    const signed = await (
      await someone()
    ).query(SIGN_UP, {
      year: 2025,
      input: equinor({
        companyName: 'Gamma Forsikring ASA',
        organisationNumber: GAMMA_NUMBER,
        contactEmail: 'ola@gamma.no',
        channels: ['EMAIL'],
      }),
    });
    const result = await staff.query(
      `mutation($id: ID!) { acceptSignUp(id: $id) { company { slug name } report { lastYearTotal } managerWelcome { email link existingUser } } }`,
      { id: signed.data!.signUp.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.acceptSignUp).toEqual({
      company: { slug: 'gamma', name: 'Gamma Forsikring' },
      report: { lastYearTotal: 100 },
      managerWelcome: { email: 'ola@gamma.no', link: null, existingUser: true },
    });
    const [user] = await rows(db.sql, `select role, company_id from app_user where email = 'ola@gamma.no'`);
    expect(user).toEqual({ role: 'STAFF', company_id: null });
  });

  it('links competitors: participants now, a pending sign-up when it is accepted, each in its place', async () => {
    const staff = await asStaff();
    const delta = await (
      await someone()
    ).query(SIGN_UP, {
      year: 2025,
      input: equinor({ companyName: 'Delta Bank', organisationNumber: '910000004', contactEmail: 'a@delta.no', tier: 'ENKEL' }),
    });
    const kappa = await (
      await someone()
    ).query(SIGN_UP, {
      year: 2025,
      input: equinor({
        companyName: 'Kappa Bank',
        organisationNumber: '910000012',
        contactEmail: 'a@kappa.no',
        tier: 'KONKURRENT',
        competitors: ['delta bank', 'Alfa Bank'],
      }),
    });
    expect(kappa.data!.signUp.competitors).toEqual(['Delta Bank', 'Alfa Bank']);
    const picks = () =>
      rows(
        db.sql,
        `select c.slug as chooser, k.slug as competitor, pc.position from participation_competitor pc
         join participation p on p.id = pc.participation_id join company c on c.id = p.company_id
         join company k on k.id = pc.competitor_company_id where c.slug = 'kappa-bank' order by pc.position`,
      );
    await staff.query(ACCEPT, { id: kappa.data!.signUp.id });
    expect(await picks()).toEqual([{ chooser: 'kappa-bank', competitor: 'alfa', position: 2 }]);
    await staff.query(ACCEPT, { id: delta.data!.signUp.id });
    expect(await picks()).toEqual([
      { chooser: 'kappa-bank', competitor: 'delta-bank', position: 1 },
      { chooser: 'kappa-bank', competitor: 'alfa', position: 2 },
    ]);
  });
});

describe('declining a sign-up', () => {
  it('needs a reason, and records it with who and when', async () => {
    const staff = await asStaff();
    const signed = await (
      await someone()
    ).query(SIGN_UP, {
      year: 2025,
      input: equinor({ companyName: 'Sigma AS', organisationNumber: '910000020', contactEmail: 'a@sigma.no' }),
    });
    const id = signed.data!.signUp.id;
    const blank = await staff.query(DECLINE, { id, reason: '  ' });
    expect(errorCodes(blank)).toEqual(['declineSignUp:BAD_USER_INPUT']);
    expect(fieldsOf(blank)).toEqual(['reason:REQUIRED']);
    const declined = await staff.query(DECLINE, { id, reason: 'Ikke et kundesenter.' });
    expect(declined.data!.declineSignUp).toMatchObject({
      id,
      status: 'DECLINED',
      declineReason: 'Ikke et kundesenter.',
      decidedBy: 'staff@test.no',
    });
    expect(Math.abs(Date.parse(declined.data!.declineSignUp.decidedAt) - Date.now())).toBeLessThan(60_000);
    // Pending first, then the latest decisions first.
    const list = await staff.query(SIGN_UPS, { year: 2025 });
    expect(list.data!.signUps.map((s: { companyName: string; status: string }) => `${s.companyName} ${s.status}`)).toEqual([
      'Sigma AS DECLINED',
      'Delta Bank ACCEPTED',
      'Kappa Bank ACCEPTED',
      'Gamma Forsikring ASA ACCEPTED',
      'Equinor ASA ACCEPTED',
    ]);
  });
});
