import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@server/test/db.js';
import { errorCodes, useApi } from '@server/test/api.js';
import { fixtures, PARTICIPANTS } from '@server/test/factories.js';
import { useViewers } from '@server/test/viewers.js';
import { rows } from '../../db/sql.js';
import { storeEdition } from '../edition/edition-bundle.js';

/**
 * How observers reach a participant (issue 18): given on the sign-up, copied to the participation
 * when staff accept, shown on the observer's assignment for its channel, corrected by staff while
 * the edition is planned or in the field. 2025 is in planning with alfa and beta (class Bank).
 */
const db = useTestDatabase();
const api = useApi(db, { trustProxy: ['loopback'] });
const { asStaff, asManager, asObserver, anonymous } = useViewers(db, api);
const { fixtureBundle } = fixtures();

beforeAll(async () => {
  await db.orm.em.fork().transactional(async (em) => {
    const planning = PARTICIPANTS.filter((p) => p.companySlug !== 'gamma');
    await storeEdition(em, fixtureBundle({ year: 2025, participants: planning, responses: [] }), { status: 'PLANNING' });
  });
  await db.sql.query(
    `insert into observer (external_id, gender, birth_year) values ('OBS-TEL', 'FEMALE', 1990), ('OBS-CHAT', 'MALE', 1985)
     on conflict (external_id) do nothing`,
  );
});

const SIGN_UP = `mutation($year: Int!, $input: SignUpInput!) { signUp(year: $year, input: $input) { id contactPoints { channel value } } }`;
const ACCEPT = `mutation($id: ID!) { acceptSignUp(id: $id) { company { slug } } }`;
const SET = `mutation($year: Int!, $slug: String!, $points: [ContactPointInput!]!) {
  setContactPoints(year: $year, companySlug: $slug, contactPoints: $points) { channel value } }`;
const MY_ASSIGNMENTS = `query { myAssignments(year: 2025) { channel company { slug } contact contactWindows } }`;

const equinor = (contactPoints: { channel: string; value: string }[]) => ({
  companyName: 'Equinor ASA',
  organisationNumber: '923 609 016',
  className: 'Bank',
  tier: 'ENKEL',
  channels: ['PHONE', 'EMAIL', 'CHAT'],
  reportPurchased: false,
  contactName: 'Kari Nordmann',
  contactEmail: 'kari@equinor.no',
  contactPoints,
});

type Field = { field: string; reason: string };
const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors?.[0]?.extensions?.fields as Field[] | undefined)?.map((f) => `${f.field}:${f.reason}`);

async function assign(observerId: string, channel: string) {
  await db.sql.query(
    `insert into assignment (participation_id, observer_id, channel, week)
     select p.id, o.id, $2, 11 from participation p join edition e on e.id = p.edition_id join company c on c.id = p.company_id,
       observer o where e.year = 2025 and c.slug = 'equinor-asa' and o.external_id = $1`,
    [observerId, channel],
  );
}

describe('contact points from sign-up to the observer’s assignment', () => {
  it('refuses a bad one beside its field, and a channel that was not ticked', async () => {
    const result = await (
      await anonymous()
    ).query(SIGN_UP, {
      year: 2025,
      input: equinor([
        { channel: 'PHONE', value: '22 12 34' },
        { channel: 'CHAT', value: 'equinor.no/chat' },
        { channel: 'MESSENGER', value: 'https://m.me/equinor' },
      ]),
    });
    expect(errorCodes(result)).toEqual(['signUp:BAD_USER_INPUT']);
    expect(fieldsOf(result)).toEqual([
      'contactPoints.PHONE:BAD_PHONE',
      'contactPoints.CHAT:BAD_URL',
      'contactPoints.MESSENGER:CHANNEL_NOT_CHOSEN',
    ]);
  });

  it('keeps them on the sign-up, copies them to the participation on acceptance, and shows each observer the one of their channel', async () => {
    const sent = await (
      await anonymous()
    ).query(SIGN_UP, {
      year: 2025,
      input: equinor([
        { channel: 'PHONE', value: ' +47 22 12 34 56 ' },
        { channel: 'EMAIL', value: 'https://equinor.no/kontakt' },
        { channel: 'CHAT', value: '' },
      ]),
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.signUp.contactPoints).toEqual([
      { channel: 'PHONE', value: '+47 22 12 34 56' },
      { channel: 'EMAIL', value: 'https://equinor.no/kontakt' },
    ]);

    const accepted = await (await asStaff()).query(ACCEPT, { id: sent.data!.signUp.id });
    expect(accepted.errors).toBeUndefined();
    const [stored] = await rows<{ contact_points: unknown }>(
      db.sql,
      `select p.contact_points from participation p join company c on c.id = p.company_id where c.slug = 'equinor-asa'`,
    );
    expect(stored!.contact_points).toEqual({ PHONE: '+47 22 12 34 56', EMAIL: 'https://equinor.no/kontakt' });

    await assign('OBS-TEL', 'PHONE');
    await assign('OBS-CHAT', 'CHAT');
    await db.sql.query(`update edition set status = 'FIELDWORK' where year = 2025`);

    const phone = await (await asObserver('OBS-TEL')).query(MY_ASSIGNMENTS);
    expect(phone.errors).toBeUndefined();
    expect(phone.data!.myAssignments).toEqual([
      { channel: 'PHONE', company: { slug: 'equinor-asa' }, contact: '+47 22 12 34 56', contactWindows: ['man–fre 09:00–15:00'] },
    ]);
    const chat = await (await asObserver('OBS-CHAT')).query(MY_ASSIGNMENTS);
    expect(chat.data!.myAssignments.map((a: { contact: string | null }) => a.contact)).toEqual([null]);
  });
});

describe('staff’s correction', () => {
  it('replaces the contact points during fieldwork, and the observer sees the new one', async () => {
    const result = await (
      await asStaff()
    ).query(SET, {
      year: 2025,
      slug: 'equinor-asa',
      points: [
        { channel: 'PHONE', value: '915 00 000' },
        { channel: 'CHAT', value: 'https://equinor.no/chat' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.setContactPoints).toEqual([
      { channel: 'PHONE', value: '915 00 000' },
      { channel: 'CHAT', value: 'https://equinor.no/chat' },
    ]);
    const chat = await (await asObserver('OBS-CHAT')).query(MY_ASSIGNMENTS);
    expect(chat.data!.myAssignments[0].contact).toBe('https://equinor.no/chat');
  });

  it('refuses others, bad values, channels the participant lacks, and editions past fieldwork', async () => {
    const denied = await (await asManager('alfa')).query(SET, { year: 2025, slug: 'equinor-asa', points: [] });
    expect(errorCodes(denied)).toEqual(['setContactPoints:FORBIDDEN']);

    const staff = await asStaff();
    const bad = await staff.query(SET, {
      year: 2025,
      slug: 'equinor-asa',
      points: [
        { channel: 'EMAIL', value: 'kundeservice(at)equinor.no' },
        { channel: 'MESSENGER', value: 'https://m.me/equinor' },
      ],
    });
    expect(fieldsOf(bad)).toEqual(['contactPoints.EMAIL:BAD_EMAIL_OR_URL', 'contactPoints.MESSENGER:CHANNEL_NOT_CHOSEN']);

    await db.sql.query(`update edition set status = 'REVIEW' where year = 2025`);
    const late = await staff.query(SET, { year: 2025, slug: 'equinor-asa', points: [] });
    expect(errorCodes(late)).toEqual(['setContactPoints:BAD_USER_INPUT']);
    expect(late.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', rule: 'NOT_PLANNING_OR_FIELDWORK', status: 'REVIEW' });
    const [stored] = await rows<{ contact_points: unknown }>(
      db.sql,
      `select p.contact_points from participation p join company c on c.id = p.company_id where c.slug = 'equinor-asa'`,
    );
    expect(stored!.contact_points).toEqual({ PHONE: '915 00 000', CHAT: 'https://equinor.no/chat' });
  });
});
