import type { Category, Channel, OptionDef, QuestionDef, QuestionnaireFile } from '@ksp/shared';

/**
 * The default KSP questionnaire (prestasjoner), modelled on the seeds: about 40 questions in
 * the areas Svar- og ventetid, Mottak og velkomst, Kundebehandleren, Totalinntrykk and the
 * five international CX questions. Codes are stable across years so history compares.
 *
 * Maximum points per inquiry (RESPONSE_TIME / RECEPTION / AGENT / OVERALL = total):
 *   PHONE      3 / 16 / 60 / 18 = 97   (RT 3.1 %, AGENT 61.9 %)
 *   EMAIL      3 / 10 / 57 / 18 = 88   (RT 3.4 %, AGENT 64.8 %)
 *   CHAT       3 / 14 / 60 / 18 = 95   (RT 3.2 %, AGENT 63.2 %)
 *   MESSENGER  3 / 14 / 57 / 18 = 92   (RT 3.3 %, AGENT 62.0 %)
 * AGENT has 12 questions on PHONE and CHAT (AGT_FOLLOW_UP is for live dialogues) and 11 on
 * EMAIL and MESSENGER.
 */

const ALL: Channel[] = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'];
const LIVE: Channel[] = ['PHONE', 'CHAT', 'MESSENGER'];
const WRITTEN_LIVE: Channel[] = ['CHAT', 'MESSENGER'];

/** "Not applicable": the question drops out of earned and possible points. */
const NA = (label = 'Ikke relevant'): OptionDef => ({ code: 'NA', label, notApplicable: true });

/** Options labelled A, B, C… from best to worst with the given points (the last must be 0). */
function graded(...opts: [label: string, points: number][]): OptionDef[] {
  return opts.map(([label, points], i) => ({ code: String.fromCharCode(65 + i), label, points }));
}

const yesNo = (yes: number, yesLabel = 'Ja', noLabel = 'Nei'): OptionDef[] => [
  { code: 'Y', label: yesLabel, points: yes },
  { code: 'N', label: noLabel, points: 0 },
];

function q(
  code: string,
  area: QuestionDef['area'],
  text: string,
  channels: Channel[],
  categories: Category[],
  options: OptionDef[],
): QuestionDef {
  return { code, area, text, channels: [...channels], categories: [...categories], kind: 'CHOICE', options };
}

/**
 * Each question's short label: its row in heatmaps and charts, where "Hvor lang tid tok det
 * før du fikk svar på …" would read alike row after row (at most 30 characters, to fit beside
 * a chart on a phone).
 */
const SHORT_LABELS: Record<string, string> = {
  RT_WAIT_PHONE: 'Ventetid telefon',
  RT_WAIT_CHAT: 'Ventetid chat',
  RT_WAIT_MESSENGER: 'Ventetid Messenger',
  RT_WAIT_EMAIL: 'Svartid e-post',
  RT_EMAIL_1DAY: 'Svar på e-post innen 1 dag',
  RT_FIRST_ATTEMPT: 'Svar på første forsøk',
  RT_QUEUE_INFO: 'Informasjon om kø',
  CALLBACK: 'Tilbud om tilbakeringing',
  REC_IVR: 'Tastemeny (IVR)',
  REC_CHATBOT: 'Vei til kundebehandler',
  REC_FIRST_AGENT: 'Løst av første kundebehandler',
  REC_WELCOME: 'Velkomst',
  REC_NAMES: 'Presentasjon med navn',
  REC_INTEREST: 'Interesse fra første stund',
  REC_TONE: 'Tonefall i starten',
  REC_SALUTATION: 'Tiltalt med navn',
  AGT_NEEDS: 'Behovsavdekking',
  AGT_LISTENING: 'Lytting',
  AGT_DIALOGUE_CONTROL: 'Styring av dialogen',
  AGT_SOLUTION: 'Tilpasset løsning',
  AGT_ARGUMENTATION: 'Argumentasjon',
  AGT_CLARIFICATION: 'Avklaring av neste steg',
  AGT_ENGAGEMENT: 'Engasjement',
  AGT_COMPETENCE: 'Produktkompetanse',
  AGT_ALL_ANSWERED: 'Svar på alle spørsmål',
  AGT_EXTRA_INFO: 'Nyttig tilleggsinformasjon',
  AGT_SELF_SERVICE: 'Henvisning til selvbetjening',
  AGT_FOLLOW_UP: 'Spurte om flere spørsmål',
  OVR_EFFICIENCY: 'Effektiv dialog',
  OVR_WEBSITE: 'Henvist til nettsiden',
  OVR_GRADE: 'Karakter totalt',
  OVR_WOULD_BUY: 'Ville handlet her',
  OVR_CLOSING: 'Avslutning',
  OVR_VALUED: 'Følte seg verdsatt',
  OVR_EXPECTATIONS: 'Forventninger innfridd',
  CSAT: 'Kundetilfredshet (CSAT)',
  CES: 'Kundeinnsats (CES)',
  NPS: 'Anbefaling (NPS)',
  VES1: 'Oppnår mer (VES 1)',
  VES2: 'Tillit til kjøpet (VES 2)',
};

function questions(): QuestionDef[] {
  return withShortLabels([
    // ---- Svar- og ventetid (set by staffing; < 5 % of the total on every channel) ----
    q(
      'RT_WAIT_PHONE',
      'RESPONSE_TIME',
      'Hvor lang tid tok det før du fikk svar på telefonen?',
      ['PHONE'],
      ['ACCESSIBILITY'],
      graded(['Under 1 minutt', 2], ['1–3 minutter', 1], ['Mer enn 3 minutter', 0]),
    ),
    q(
      'RT_WAIT_CHAT',
      'RESPONSE_TIME',
      'Hvor lang tid tok det før en kundebehandler svarte i chatten?',
      ['CHAT'],
      ['ACCESSIBILITY'],
      graded(['Under 1 minutt', 2], ['1–3 minutter', 1], ['Mer enn 3 minutter', 0]),
    ),
    q(
      'RT_WAIT_MESSENGER',
      'RESPONSE_TIME',
      'Hvor lang tid tok det før du fikk svar på Messenger?',
      ['MESSENGER'],
      ['ACCESSIBILITY'],
      graded(['Under 5 minutter', 2], ['5–15 minutter', 1], ['Mer enn 15 minutter', 0]),
    ),
    q(
      'RT_WAIT_EMAIL',
      'RESPONSE_TIME',
      'Hvor lang tid tok det før du fikk svar på e-posten/kontaktskjemaet?',
      ['EMAIL'],
      ['ACCESSIBILITY'],
      graded(['Innen 2 timer', 2], ['2–8 timer', 1], ['Mer enn 8 timer', 0]),
    ),
    q('RT_EMAIL_1DAY', 'RESPONSE_TIME', 'Fikk du svar innen 1 virkedag?', ['EMAIL'], ['ACCESSIBILITY'], yesNo(1)),
    q(
      'RT_FIRST_ATTEMPT',
      'RESPONSE_TIME',
      'Fikk du svar på første forsøk?',
      LIVE,
      ['ACCESSIBILITY'],
      yesNo(1, 'Ja', 'Nei, først på andre forsøk'),
    ),
    {
      code: 'RT_QUEUE_INFO',
      area: 'RESPONSE_TIME',
      kind: 'CHOICE',
      channels: ['PHONE'],
      text: 'Fikk du informasjon om plass i køen eller forventet ventetid mens du ventet?',
      options: [
        { code: 'Y', label: 'Ja' },
        { code: 'N', label: 'Nei' },
        { code: 'X', label: 'Ingen kø – svar med en gang' },
      ],
    },
    {
      code: 'CALLBACK',
      area: 'RESPONSE_TIME',
      kind: 'CHOICE',
      channels: ['PHONE'],
      text: 'Fikk du tilbud om tilbakeringing?',
      options: [
        { code: 'Y', label: 'Ja' },
        { code: 'N', label: 'Nei' },
      ],
    },

    // ---- Mottak og velkomst ----
    q(
      'REC_IVR',
      'RECEPTION',
      'Hvor enkelt var det å komme frem til riktig kundebehandler via tastemenyen (IVR)?',
      ['PHONE'],
      ['ACCESSIBILITY'],
      [
        ...graded(['Svært enkelt', 3], ['Ganske enkelt', 2], ['Litt komplisert', 1], ['Svært komplisert', 0]),
        NA('Ikke relevant – ingen tastemeny'),
      ],
    ),
    q(
      'REC_CHATBOT',
      'RECEPTION',
      'Hvor enkelt var det å komme i kontakt med en kundebehandler (eventuelt via chatbot)?',
      WRITTEN_LIVE,
      ['ACCESSIBILITY'],
      graded(['Svært enkelt', 3], ['Ganske enkelt', 2], ['Litt tungvint', 1], ['Svært tungvint', 0]),
    ),
    q(
      'REC_FIRST_AGENT',
      'RECEPTION',
      'Kunne den første kundebehandleren du kom i kontakt med hjelpe deg med henvendelsen?',
      LIVE,
      ['ACCESSIBILITY', 'COMPETENCE'],
      graded(['Ja', 2], ['Nei, jeg ble satt over til en annen', 0]),
    ),
    q(
      'REC_WELCOME',
      'RECEPTION',
      'Hvordan opplevde du velkomsten?',
      ALL,
      ['COMMUNICATION'],
      graded(['Personlig og hyggelig', 4], ['Hyggelig, men noe standardisert', 2], ['Rutinepreget og mekanisk', 0]),
    ),
    q(
      'REC_NAMES',
      'RECEPTION',
      'Hvordan presenterte kundebehandleren seg?',
      ALL,
      ['COMMUNICATION'],
      graded(
        ['Med både firmanavn og eget navn', 3],
        ['Kun med eget navn', 2],
        ['Kun med firmanavn', 1],
        ['Verken firmanavn eller eget navn', 0],
      ),
    ),
    q(
      'REC_INTEREST',
      'RECEPTION',
      'Virket kundebehandleren interessert i å hjelpe deg fra første stund?',
      ALL,
      ['INTEREST'],
      graded(['Ja, tydelig', 2], ['Til en viss grad', 1], ['Nei', 0]),
    ),
    q(
      'REC_TONE',
      'RECEPTION',
      'Hvordan opplevde du tonefallet og stemmebruken i starten av samtalen?',
      ['PHONE'],
      ['COMMUNICATION'],
      graded(['Varm og imøtekommende', 2], ['Nøytral', 1], ['Kald eller stresset', 0]),
    ),
    q('REC_SALUTATION', 'RECEPTION', 'Ble du tiltalt med navn i svaret?', ['EMAIL'], ['COMMUNICATION'], yesNo(1)),

    // ---- Kundebehandleren (> 50 % of the total on every channel) ----
    q(
      'AGT_NEEDS',
      'AGENT',
      'Stilte kundebehandleren spørsmål for å finne ut hva du hadde behov for?',
      ALL,
      ['INTEREST', 'SALES'],
      graded(['Ja, flere gode spørsmål', 6], ['Ja, noen spørsmål', 3], ['Nei', 0]),
    ),
    q(
      'AGT_LISTENING',
      'AGENT',
      'Lyttet kundebehandleren til svarene dine og brukte dem videre i dialogen?',
      ALL,
      ['INTEREST', 'COMMUNICATION'],
      [...graded(['Ja, i stor grad', 6], ['Delvis', 3], ['Nei', 0]), NA('Ikke relevant – jeg fikk ingen spørsmål')],
    ),
    q(
      'AGT_DIALOGUE_CONTROL',
      'AGENT',
      'Styrte kundebehandleren dialogen på en god og strukturert måte?',
      ALL,
      ['COMMUNICATION'],
      graded(['Ja, i stor grad', 5], ['Delvis', 2], ['Nei', 0]),
    ),
    q(
      'AGT_SOLUTION',
      'AGENT',
      'Presenterte kundebehandleren et produkt eller en løsning tilpasset dine behov?',
      ALL,
      ['SALES', 'COMPETENCE'],
      graded(['Ja, tydelig tilpasset meg', 6], ['Ja, men lite tilpasset', 3], ['Nei', 0]),
    ),
    q(
      'AGT_ARGUMENTATION',
      'AGENT',
      'Argumenterte kundebehandleren for løsningen med fordeler som var relevante for deg?',
      ALL,
      ['SALES'],
      graded(['Ja, overbevisende', 5], ['Noe', 2], ['Nei', 0]),
    ),
    q(
      'AGT_CLARIFICATION',
      'AGENT',
      'Avklarte kundebehandleren hvordan du kunne gå videre (f.eks. bestille, få et tilbud eller bli kontaktet)?',
      ALL,
      ['SALES'],
      [...graded(['Ja, tydelig', 5], ['Delvis', 2], ['Nei', 0]), NA('Ikke relevant – det var ikke naturlig')],
    ),
    q(
      'AGT_ENGAGEMENT',
      'AGENT',
      'Opplevde du kundebehandleren som engasjert i deg og din situasjon?',
      ALL,
      ['INTEREST'],
      graded(['Svært engasjert', 6], ['Noe engasjert', 3], ['Lite engasjert', 0]),
    ),
    q(
      'AGT_COMPETENCE',
      'AGENT',
      'Opplevde du at kundebehandleren hadde god kompetanse om produktene/tjenestene?',
      ALL,
      ['COMPETENCE'],
      graded(['Ja, svært god', 6], ['Tilstrekkelig', 3], ['Nei, mangelfull', 0]),
    ),
    q(
      'AGT_ALL_ANSWERED',
      'AGENT',
      'Fikk du svar på alle spørsmålene dine?',
      ALL,
      ['COMPETENCE'],
      graded(['Ja, på alle', 5], ['På de fleste', 3], ['På noen', 1], ['Nei', 0]),
    ),
    q(
      'AGT_EXTRA_INFO',
      'AGENT',
      'Ga kundebehandleren deg nyttig tilleggsinformasjon du ikke spurte om?',
      ALL,
      ['COMPETENCE', 'SALES'],
      graded(['Ja, mye nyttig', 4], ['Litt', 2], ['Nei', 0]),
    ),
    q(
      'AGT_SELF_SERVICE',
      'AGENT',
      'Henviste kundebehandleren deg på en god måte til nettside, butikk eller app?',
      ALL,
      ['ACCESSIBILITY', 'COMMUNICATION'],
      [...graded(['Ja, på en hjelpsom måte', 3], ['Ja, men det føltes som å bli avvist', 1], ['Nei', 0]), NA()],
    ),
    q(
      'AGT_FOLLOW_UP',
      'AGENT',
      'Spurte kundebehandleren om du hadde flere spørsmål før dialogen ble avsluttet?',
      ['PHONE', 'CHAT'],
      ['INTEREST', 'COMMUNICATION'],
      yesNo(3),
    ),

    // ---- Totalinntrykk ----
    q(
      'OVR_EFFICIENCY',
      'OVERALL',
      'Hvor effektiv opplevde du dialogen («innhold per tid»)?',
      ALL,
      ['COMMUNICATION'],
      graded(['Svært effektiv', 4], ['Ganske effektiv', 2], ['Lite effektiv', 0]),
    ),
    q('OVR_WEBSITE', 'OVERALL', 'Ble du henvist til selskapets nettside i løpet av dialogen?', ALL, ['ACCESSIBILITY'], yesNo(1)),
    {
      code: 'OVR_GRADE',
      area: 'OVERALL',
      kind: 'CHOICE',
      channels: [...ALL],
      categories: ['COMMUNICATION', 'COMPETENCE'],
      text: 'Hvilken karakter fra 1 til 5 gir du kundebehandleren totalt?',
      options: [
        { code: '5', label: '5 – Svært god', points: 4 },
        { code: '4', label: '4', points: 3 },
        { code: '3', label: '3', points: 2 },
        { code: '2', label: '2', points: 1 },
        { code: '1', label: '1 – Svært dårlig', points: 0 },
      ],
    },
    q(
      'OVR_WOULD_BUY',
      'OVERALL',
      'Ville du handlet med dette selskapet, basert på denne opplevelsen, om du hadde hatt behov for det de selger?',
      ALL,
      ['SALES'],
      graded(['Ja, helt sikkert', 3], ['Ja, kanskje', 1], ['Nei', 0]),
    ),
    q(
      'OVR_CLOSING',
      'OVERALL',
      'Hvordan opplevde du avslutningen av dialogen?',
      ALL,
      ['COMMUNICATION'],
      graded(['Personlig og hyggelig', 2], ['Nøytral', 1], ['Brå eller fraværende', 0]),
    ),
    q(
      'OVR_VALUED',
      'OVERALL',
      'Følte du deg verdsatt som potensiell kunde?',
      ALL,
      ['INTEREST'],
      graded(['Ja', 2], ['Delvis', 1], ['Nei', 0]),
    ),
    q(
      'OVR_EXPECTATIONS',
      'OVERALL',
      'Ble forventningene dine til henvendelsen innfridd?',
      ALL,
      ['COMPETENCE'],
      graded(['Ja, de ble overgått', 2], ['Ja', 1], ['Nei', 0]),
    ),

    // ---- CX – Customer Experience (reported apart, never in the score) ----
    { code: 'CSAT', area: 'CX', kind: 'SCALE', min: 1, max: 5, text: 'Hvor fornøyd er du med denne kundeopplevelsen?' },
    { code: 'CES', area: 'CX', kind: 'SCALE', min: 1, max: 7, text: 'Alt i alt, hvor enkelt var det å få den hjelpen du ønsket?' },
    {
      code: 'NPS',
      area: 'CX',
      kind: 'SCALE',
      min: 0,
      max: 10,
      text: 'På en skala fra 0 til 10, hvor sannsynlig er det at du vil anbefale dette selskapet til venner eller familie?',
    },
    {
      code: 'VES1',
      area: 'CX',
      kind: 'SCALE',
      min: 1,
      max: 7,
      text: 'Etter kontakten med kundesenteret/butikken er jeg i stand til å oppnå mer med selskapets produkt/tjeneste?',
    },
    {
      code: 'VES2',
      area: 'CX',
      kind: 'SCALE',
      min: 1,
      max: 7,
      text: 'Etter kontakten med kundesenteret/butikken er min tillit til min beslutning om å kjøpe produktet/tjenesten høyere?',
    },
  ]);
}

function withShortLabels(all: QuestionDef[]): QuestionDef[] {
  return all.map((question) => {
    const shortLabel = SHORT_LABELS[question.code];
    return shortLabel ? { ...question, shortLabel } : question;
  });
}

/** The national channel distribution keys (configuration of the edition). */
const CHANNEL_KEYS: Partial<Record<Channel, number>> = { PHONE: 0.45, EMAIL: 0.3, CHAT: 0.15, MESSENGER: 0.1 };

/** The default questionnaire of edition `year` (a fresh object every call). */
export function defaultQuestionnaire(year: number): QuestionnaireFile {
  return {
    edition: { year, name: `KSP ${year}`, inquiriesPerParticipant: 25, channelKeys: { ...CHANNEL_KEYS } },
    questions: questions(),
  };
}
