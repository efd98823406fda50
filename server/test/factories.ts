import type { EditionBundle, ParticipantRow, QuestionDef, ResponseRow } from '@ksp/shared';

/**
 * A small, valid edition whose scores are worked out by hand in the tests.
 * Max points: RT_WAIT 2, REC_WELCOME 4 (has N/A), AGT_NEEDS 6, AGT_PHONE 4 (PHONE only), OVR_BUY 4.
 * Possible per inquiry: PHONE 20, EMAIL 16. CALLBACK is unscored; CX are scales.
 */
export const QUESTIONS: QuestionDef[] = [
  {
    code: 'RT_WAIT',
    area: 'RESPONSE_TIME',
    text: 'Hvor lenge ventet du?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
    categories: ['ACCESSIBILITY'],
    options: [
      { code: 'A', label: 'Kort', points: 2 },
      { code: 'B', label: 'Middels', points: 1 },
      { code: 'C', label: 'Lenge', points: 0 },
    ],
  },
  {
    code: 'REC_WELCOME',
    area: 'RECEPTION',
    text: 'Hvordan opplevde du velkomsten?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
    categories: ['COMMUNICATION'],
    options: [
      { code: 'A', label: 'Personlig og hyggelig', points: 4 },
      { code: 'B', label: 'Nøytral', points: 2 },
      { code: 'C', label: 'Rutinepreget', points: 0 },
      { code: 'NA', label: 'Ikke relevant', notApplicable: true },
    ],
  },
  {
    code: 'AGT_NEEDS',
    area: 'AGENT',
    text: 'Stilte kundebehandleren spørsmål om behovet ditt?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
    categories: ['INTEREST', 'SALES'],
    options: [
      { code: 'A', label: 'Flere', points: 6 },
      { code: 'B', label: 'Ett', points: 3 },
      { code: 'C', label: 'Ingen', points: 0 },
    ],
  },
  {
    code: 'AGT_PHONE',
    area: 'AGENT',
    text: 'Presenterte kundebehandleren seg med navn?',
    channels: ['PHONE'],
    categories: ['COMPETENCE'],
    options: [
      { code: 'A', label: 'Ja', points: 4 },
      { code: 'B', label: 'Nei', points: 0 },
    ],
  },
  {
    code: 'OVR_BUY',
    area: 'OVERALL',
    text: 'Ville du kjøpt av dette selskapet?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
    categories: ['SALES'],
    options: [
      { code: 'A', label: 'Ja', points: 4 },
      { code: 'B', label: 'Nei', points: 0 },
    ],
  },
  {
    code: 'CALLBACK',
    area: 'RESPONSE_TIME',
    text: 'Fikk du tilbud om tilbakeringing?',
    channels: ['PHONE'],
    options: [
      { code: 'Y', label: 'Ja' },
      { code: 'N', label: 'Nei' },
    ],
  },
  {
    code: 'CSAT',
    area: 'CX',
    kind: 'SCALE',
    min: 1,
    max: 5,
    text: 'Hvor fornøyd er du med denne kundeopplevelsen?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
  },
  {
    code: 'CES',
    area: 'CX',
    kind: 'SCALE',
    min: 1,
    max: 7,
    text: 'Alt i alt, hvor enkelt var det å få den hjelpen du ønsket?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
  },
  {
    code: 'NPS',
    area: 'CX',
    kind: 'SCALE',
    min: 0,
    max: 10,
    text: 'Hvor sannsynlig er det at du vil anbefale dette selskapet?',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
  },
  {
    code: 'VES1',
    area: 'CX',
    kind: 'SCALE',
    min: 1,
    max: 7,
    text: 'Jeg er i stand til å oppnå mer med selskapets produkt/tjeneste.',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
  },
  {
    code: 'VES2',
    area: 'CX',
    kind: 'SCALE',
    min: 1,
    max: 7,
    text: 'Min tillit til min beslutning om å kjøpe er høyere.',
    channels: ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'],
  },
];

export const PARTICIPANTS: ParticipantRow[] = [
  {
    companySlug: 'alfa',
    companyName: 'Alfa Bank',
    className: 'Bank',
    tier: 'KONKURRENT',
    channels: ['PHONE', 'EMAIL'],
    competitors: ['beta'],
    reportPurchased: true,
  },
  {
    companySlug: 'beta',
    companyName: 'Beta Sparebank',
    className: 'Bank',
    tier: 'ENKEL',
    channels: ['PHONE'],
    competitors: [],
    reportPurchased: true,
  },
  {
    companySlug: 'gamma',
    companyName: 'Gamma Forsikring',
    className: 'Forsikring',
    tier: 'ENKEL',
    channels: ['EMAIL'],
    competitors: [],
    reportPurchased: false,
  },
];

/** The responses, fixture bundle included, that one `fixtures()` makes. */
export interface Fixtures {
  /** A valid response numbered from this factory's sequence (inquiry T-n, observer OBS-n, …): state only what matters. */
  response(overrides: Partial<ResponseRow> & Pick<ResponseRow, 'companySlug' | 'channel'>): ResponseRow;
  /** An answered inquiry with the best option everywhere that applies: 100 % on its channel. */
  perfectResponse(companySlug: string, channel: ResponseRow['channel'], overrides?: Partial<ResponseRow>): ResponseRow;
  /**
   * alfa: PHONE answered 17/20 (85 %), EMAIL answered 7/12 (REC N/A drops 4 → 58,33 %), PHONE unanswered 0/20.
   * beta: PHONE answered 2/20 (10 %). gamma: EMAIL answered 16/16 (100 %).
   */
  fixtureResponses(): ResponseRow[];
  /** An edition of QUESTIONS and PARTICIPANTS; without `responses`, `fixtureResponses()` of this sequence. */
  fixtureBundle(overrides?: { year?: number; participants?: ParticipantRow[]; responses?: ResponseRow[] }): EditionBundle;
}

/**
 * A factory with its own numbering: the n-th response it makes is T-n by OBS-n, with gender,
 * birth year and contact day following n. Make one per bundle, or one per test file when the
 * file's hand-computed numbers follow responses across several bundles ("alfa-4 is the 6th").
 */
export function fixtures(): Fixtures {
  let counter = 0;
  const response: Fixtures['response'] = (overrides) => {
    counter += 1;
    return {
      inquiryId: `T-${counter}`,
      observerId: `OBS-${counter}`,
      observerGender: counter % 2 ? 'FEMALE' : 'MALE',
      observerBirthYear: 1970 + (counter % 30),
      contactedAt: `2024-09-${String(2 + (counter % 20)).padStart(2, '0')}T10:15:00+02:00`,
      status: 'ANSWERED',
      attempts: 1,
      waitSeconds: 60,
      comments: {
        reception: 'Hyggelig mottak, sa navnet sitt.',
        agent: 'Spurte godt om behovet, men glemte å oppsummere.',
        overall: 'Effektiv samtale, «gode» råd, takk!',
      },
      answers: {},
      ...overrides,
    };
  };
  const perfectResponse: Fixtures['perfectResponse'] = (companySlug, channel, overrides = {}) => {
    const answers: Record<string, string> = {};
    for (const q of QUESTIONS) {
      if (!(q.channels ?? []).includes(channel)) continue;
      answers[q.code] = q.kind === 'SCALE' ? String(q.max) : q.options![0]!.code;
    }
    return response({ companySlug, channel, answers, ...overrides });
  };
  const fixtureResponses: Fixtures['fixtureResponses'] = () => [
    response({
      inquiryId: 'alfa-1',
      companySlug: 'alfa',
      channel: 'PHONE',
      answers: {
        RT_WAIT: 'A',
        REC_WELCOME: 'A',
        AGT_NEEDS: 'B',
        AGT_PHONE: 'A',
        OVR_BUY: 'A',
        CALLBACK: 'Y',
        CSAT: '5',
        CES: '6',
        NPS: '10',
        VES1: '5',
        VES2: '4',
      },
    }),
    response({
      inquiryId: 'alfa-2',
      companySlug: 'alfa',
      channel: 'EMAIL',
      waitSeconds: 7200,
      answers: { RT_WAIT: 'B', REC_WELCOME: 'NA', AGT_NEEDS: 'A', OVR_BUY: 'B', CSAT: '3', CES: '4', NPS: '7', VES1: '3', VES2: '3' },
    }),
    response({
      inquiryId: 'alfa-3',
      companySlug: 'alfa',
      channel: 'PHONE',
      status: 'UNANSWERED',
      attempts: 2,
      waitSeconds: 300,
      comments: { reception: 'Ingen svar etter to forsøk.', agent: '', overall: '' },
    }),
    response({
      inquiryId: 'beta-1',
      companySlug: 'beta',
      channel: 'PHONE',
      answers: {
        RT_WAIT: 'C',
        REC_WELCOME: 'B',
        AGT_NEEDS: 'C',
        AGT_PHONE: 'B',
        OVR_BUY: 'B',
        CALLBACK: 'N',
        CSAT: '2',
        CES: '2',
        NPS: '3',
        VES1: '2',
        VES2: '1',
      },
    }),
    response({
      inquiryId: 'gamma-1',
      companySlug: 'gamma',
      channel: 'EMAIL',
      answers: { RT_WAIT: 'A', REC_WELCOME: 'A', AGT_NEEDS: 'A', OVR_BUY: 'A', CSAT: '4', CES: '7', NPS: '9', VES1: '6', VES2: '6' },
    }),
  ];
  const fixtureBundle: Fixtures['fixtureBundle'] = (overrides = {}) => {
    const year = overrides.year ?? 2024;
    return {
      questionnaire: {
        edition: {
          year,
          name: `KSP ${year}`,
          inquiriesPerParticipant: 25,
          channelKeys: { PHONE: 0.5, EMAIL: 0.3, CHAT: 0.2, MESSENGER: 0.2 },
        },
        questions: QUESTIONS,
      },
      participants: overrides.participants ?? PARTICIPANTS,
      responses: overrides.responses ?? fixtureResponses(),
    };
  };
  return { response, perfectResponse, fixtureResponses, fixtureBundle };
}

/** An edition bundle whose responses (unless given) are numbered from 1: `fixtures().fixtureBundle(…)`. */
export function fixtureBundle(overrides: Parameters<Fixtures['fixtureBundle']>[0] = {}): EditionBundle {
  return fixtures().fixtureBundle(overrides);
}
