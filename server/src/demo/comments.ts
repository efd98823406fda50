// Observer comments composed from fragment pools: an opening matching the quality level, a few
// observations that match the options actually ticked, and a closing. Consistent in tone with
// the scores (a low-scoring area gets critical comments) and varied enough that one company's
// 25 comments are not copies of each other.
import type { Channel } from '@ksp/shared';
import type { Rng } from './rng.js';

export type Level = 'LOW' | 'MID' | 'HIGH';

/** The quality level of an area from its share of possible points (0–1). */
export function levelOf(share: number): Level {
  return share >= 0.75 ? 'HIGH' : share >= 0.45 ? 'MID' : 'LOW';
}

/** How the observer names the dialogue on each channel. */
const DIALOG: Record<Channel, string> = {
  PHONE: 'samtalen',
  EMAIL: 'e-postdialogen',
  CHAT: 'chatten',
  MESSENGER: 'meldingsdialogen',
};

type Pool = Record<Level, string[]>;

const RECEPTION_OPEN: Pool = {
  HIGH: [
    'Et veldig godt førsteinntrykk.',
    'Starten på {dialog} var svært hyggelig.',
    'Jeg følte meg godt mottatt med en gang.',
    'Velkomsten var varm og personlig.',
    'Dette startet bra.',
    'Mottaket var akkurat slik jeg ønsker det som kunde.',
  ],
  MID: [
    'Mottaket var greit, men ikke noe mer.',
    'Starten var grei nok.',
    'En helt ok start på {dialog}.',
    'Velkomsten var korrekt, men litt standard.',
    'Ikke noe å utsette på starten, men heller ikke noe som skilte seg ut.',
    'Et nøytralt mottak.',
  ],
  LOW: [
    'Starten var dessverre ikke god.',
    'Jeg følte meg ikke særlig velkommen.',
    'Førsteinntrykket var svakt.',
    'Velkomsten opplevdes kald og upersonlig.',
    'Dette begynte ikke bra.',
    'Mottaket var en skuffelse.',
  ],
};

const AGENT_OPEN: Pool = {
  HIGH: [
    'Kundebehandleren gjorde en svært god jobb.',
    'For en dyktig kundebehandler!',
    'Kundebehandleren var helt suveren i sin måte å forklare på.',
    'Jeg ble møtt av en kundebehandler som virkelig ville hjelpe.',
    'Her var det lite å utsette på kundebehandleren.',
    'Kundebehandleren tok kontroll, men lyttet.',
  ],
  MID: [
    'Kundebehandleren var hyggelig, men kunne gjort mer.',
    'En grei kundebehandler, uten at det skilte seg ut.',
    'Kundebehandleren gjorde jobben, men ikke mer enn det.',
    'Jeg fikk hjelp, men savnet noe mer av kundebehandleren.',
    'Kundebehandleren var høflig og korrekt.',
    'Kundebehandleren kunne med fordel vært mer personlig og interessert i meg som kunde.',
  ],
  LOW: [
    'Kundebehandleren virket lite interessert i meg som kunde.',
    'Dette var ikke en god opplevelse med kundebehandleren.',
    'Jeg følte meg nesten «dum» som spurte.',
    'Kundebehandleren var rett på sak og ferdig med det.',
    'Kundebehandleren hadde en mekanisk måte å kommunisere på.',
    'Det var tydelig at kundebehandleren ikke hadde tid til meg.',
  ],
};

const AGENT_CLOSE: Pool = {
  HIGH: [
    'Jeg følte meg sett og hørt.',
    'Hen var hele tiden hyggelig, åpen og svært servicevennlig.',
    'Fikk følelsen av at hen trivdes i jobben.',
    'Det merktes at hen var opptatt av at jeg skulle forstå.',
    '',
  ],
  MID: [
    'Med litt mer engasjement kunne dette blitt veldig bra.',
    'Jeg savnet at hen tok mer tak i min situasjon.',
    'Helt greit, men lite personlig.',
    '',
  ],
  LOW: [
    'Jeg satt igjen med flere spørsmål enn svar.',
    'Tonen gjorde meg ukomfortabel som kunde.',
    'Jeg følte at jeg maste.',
    'Det føltes som om hen bare ville bli ferdig.',
    '',
  ],
};

const OVERALL_OPEN: Pool = {
  HIGH: [
    'Alt i alt en svært god kundeopplevelse.',
    'Dette var en av de beste kundeopplevelsene jeg har hatt så langt.',
    'Jeg sitter igjen med et veldig godt inntrykk.',
    'En hyggelig og effektiv dialog fra start til slutt.',
    'Elsket hvor naturlig alt kjentes ut.',
  ],
  MID: [
    'Jeg sitter igjen med et inntrykk som er helt midt på treet.',
    'Et greit, men ikke minneverdig inntrykk.',
    'En grei opplevelse, men med rom for forbedring.',
    'Jeg fikk hjelp, men savnet mer engasjement.',
    'Ok, men ikke mer enn det.',
  ],
  LOW: [
    'Alt i alt en skuffende opplevelse.',
    'Jeg sitter igjen med et dårlig inntrykk av selskapet.',
    'Her er det mye å jobbe med.',
    'Dessverre en opplevelse jeg ikke ønsker å gjenta.',
    'Etter denne opplevelsen lurer jeg på hvorfor selskapet har denne kontaktmåten.',
  ],
};

const OVERALL_CLOSE: Pool = {
  HIGH: [
    'Jeg ville ikke hatt noen betenkeligheter med å anbefale selskapet til familie eller venner.',
    'Jeg har rett og slett ingenting å utsette på opplevelsen.',
    'Slik bør det være!',
    '',
  ],
  MID: ['Med litt mer innsats kunne dette blitt veldig bra.', 'Helt greit, men lite å huske.', ''],
  LOW: ['Jeg ville ikke anbefalt selskapet basert på dette.', 'Jeg håper dette var en dårlig dag for kundesenteret.', ''],
};

/**
 * Observations keyed by `QUESTION:OPTION`; several variants where natural. A variant starting
 * with `P|` is only used on the phone, one with `W|` only in written channels.
 */
const OBSERVATIONS: Record<string, string[]> = {
  'REC_IVR:A': ['Tastemenyen var enkel og jeg kom raskt frem.', 'Kort og oversiktlig tastemeny.'],
  'REC_IVR:B': ['Tastemenyen hadde noen valg, men det gikk greit.'],
  'REC_IVR:C': ['Tastemenyen var litt forvirrende, jeg var usikker på hva jeg skulle velge.'],
  'REC_IVR:D': ['Tastemenyen var lang og komplisert, og jeg måtte høre gjennom valgene to ganger.', 'Jeg gikk meg vill i tastemenyen.'],
  'REC_IVR:NA': ['Det var ingen tastemeny, jeg kom rett til en kundebehandler.'],
  'REC_CHATBOT:A': ['Det var enkelt å komme i kontakt med en person.', 'Rask kontakt med en kundebehandler.'],
  'REC_CHATBOT:B': ['Jeg måtte gjennom noen spørsmål fra en chatbot først, men det gikk greit.'],
  'REC_CHATBOT:C': ['Chatboten forsto ikke helt hva jeg ville, og det tok tid å komme til en person.'],
  'REC_CHATBOT:D': [
    'Jeg satt lenge fast hos chatboten og var usikker på om jeg snakket med et menneske.',
    'Måtte krysse av i en rubrikk og svare på flere spørsmål før jeg kom videre.',
  ],
  'REC_FIRST_AGENT:A': ['Den første kundebehandleren kunne hjelpe meg.'],
  'REC_FIRST_AGENT:B': ['Jeg ble satt over til en annen før jeg fikk hjelp.', 'Den første jeg snakket med måtte sende meg videre.'],
  'REC_WELCOME:A': ['Kundebehandleren hilste blidt og personlig.', 'De første ordene var hyggelige og personlige.'],
  'REC_WELCOME:B': ['Hilsenen var hyggelig, men føltes litt innøvd.', 'En standard hilsen, men vennlig.'],
  'REC_WELCOME:C': ['Velkomsten var rutinepreget og mekanisk.', 'Det var ingen hei eller velkommen, bare rett på sak.'],
  'REC_NAMES:A': ['Hen presenterte seg med både firmanavn og eget navn.'],
  'REC_NAMES:B': ['Hen sa sitt eget navn, men ikke firmanavnet.'],
  'REC_NAMES:C': ['Kun firmanavnet ble nevnt, ikke kundebehandlerens navn.'],
  'REC_NAMES:D': ['Kundebehandleren presenterte seg verken med navn eller firmanavn.', 'Jeg fikk ikke vite hvem jeg snakket med.'],
  'REC_INTEREST:A': ['Hen virket oppriktig interessert i å hjelpe fra første stund.'],
  'REC_INTEREST:B': ['Interessen var der, men kunne vært tydeligere.'],
  'REC_INTEREST:C': ['Jeg fikk inntrykk av at jeg forstyrret.'],
  'REC_TONE:A': ['Tonefallet var varmt og imøtekommende.', 'Hen hadde en blid og rolig stemme.'],
  'REC_TONE:B': ['Stemmen var nøytral.'],
  'REC_TONE:C': ['Stemmen var kald og virket stresset.'],
  'REC_SALUTATION:Y': ['Jeg ble tiltalt med navn i svaret, noe som var hyggelig.'],
  'REC_SALUTATION:N': ['Svaret startet uten at jeg ble tiltalt med navn.'],

  'AGT_NEEDS:A': [
    'Hen stilte flere gode spørsmål om min situasjon og hva jeg trengte.',
    'Hen stilte spørsmål med en gang om bruken og behovet mitt.',
  ],
  'AGT_NEEDS:B': ['Hen stilte noen spørsmål om behovet mitt, men gikk ikke i dybden.'],
  'AGT_NEEDS:C': ['Det ble ikke stilt et eneste spørsmål om hva jeg egentlig trengte.', 'Ingen behov ble avklart.'],
  'AGT_LISTENING:A': ['Det var tydelig at hen lyttet og brukte svarene mine videre.'],
  'AGT_LISTENING:B': ['Noe av det jeg sa ble fulgt opp, annet ble glemt.'],
  'AGT_LISTENING:C': ['Svarene mine ble ikke brukt til noe i den videre dialogen.'],
  'AGT_DIALOGUE_CONTROL:A': ['Hen styrte dialogen trygt og strukturert.', 'Hen guidet meg steg for steg.'],
  'AGT_DIALOGUE_CONTROL:B': ['Dialogen fløt litt hit og dit.'],
  'AGT_DIALOGUE_CONTROL:C': ['Det var jeg som måtte drive dialogen fremover.'],
  'AGT_SOLUTION:A': [
    'Jeg fikk presentert en løsning som passet godt til min situasjon.',
    'Hen henviste meg til to aktuelle produkter og forklarte forskjellen.',
  ],
  'AGT_SOLUTION:B': ['Hen presenterte et produkt, men det var lite tilpasset meg.'],
  'AGT_SOLUTION:C': ['Jeg fikk ikke presentert noen løsning.', 'Jeg ble bare bedt om å se på nettsiden selv.'],
  'AGT_ARGUMENTATION:A': ['Fordelene ble forklart på en måte som var relevant for meg.'],
  'AGT_ARGUMENTATION:B': ['Det kom noen argumenter, men de var ganske generelle.'],
  'AGT_ARGUMENTATION:C': ['Det ble ikke forklart hvorfor løsningen skulle passe meg.'],
  'AGT_CLARIFICATION:A': [
    'Til slutt avklarte hen tydelig hvordan jeg kunne gå videre.',
    'Hen tilbød seg å sende et tilbud og avtalte oppfølging.',
  ],
  'AGT_CLARIFICATION:B': ['Det ble nevnt at jeg kunne ta kontakt igjen, men ikke noe mer konkret.'],
  'AGT_CLARIFICATION:C': ['Det ble ikke avklart hva neste steg var.'],
  'AGT_ENGAGEMENT:A': ['Hen var engasjert og «på» hele veien.', 'Engasjementet var tydelig, med smil i stemmen og i ordene.'],
  'AGT_ENGAGEMENT:B': ['Engasjementet var middels.'],
  'AGT_ENGAGEMENT:C': ['Hen virket lite engasjert og ganske likegyldig.'],
  'AGT_COMPETENCE:A': ['Kunnskapen om produktene var imponerende.', 'Hen virket svært kunnskapsrik.'],
  'AGT_COMPETENCE:B': ['Kompetansen var tilstrekkelig for det jeg spurte om.'],
  'AGT_COMPETENCE:C': ['Hen var usikker og måtte sjekke det meste.'],
  'AGT_ALL_ANSWERED:A': ['Jeg fikk svar på alle spørsmålene mine.'],
  'AGT_ALL_ANSWERED:B': ['Jeg fikk svar på de fleste spørsmålene.'],
  'AGT_ALL_ANSWERED:C': ['Flere av spørsmålene mine forble ubesvart.'],
  'AGT_ALL_ANSWERED:D': ['Jeg fikk ikke svar på det jeg lurte på.', 'Oppfølgingsspørsmålene mine ble aldri besvart.'],
  'AGT_EXTRA_INFO:A': ['Jeg fikk mye nyttig tilleggsinformasjon jeg ikke hadde tenkt på.'],
  'AGT_EXTRA_INFO:B': ['Det kom litt ekstra informasjon.'],
  'AGT_EXTRA_INFO:C': ['Jeg fikk ingen informasjon utover det jeg spurte om.'],
  'AGT_SELF_SERVICE:A': ['Hen viste meg hvor jeg kunne finne mer på nettsiden, på en hjelpsom måte.'],
  'AGT_SELF_SERVICE:B': ['Jeg ble henvist til nettsiden, men det føltes mest som å bli avvist.'],
  'AGT_FOLLOW_UP:Y': ['Hen spurte om jeg hadde flere spørsmål før vi avsluttet.'],
  'AGT_FOLLOW_UP:N': ['Hen avsluttet uten å spørre om det var noe mer.'],

  'OVR_EFFICIENCY:A': ['Mye innhold på kort tid.', 'Svært effektivt.'],
  'OVR_EFFICIENCY:B': ['Ganske effektivt.'],
  'OVR_EFFICIENCY:C': ['Dialogen var lite effektiv, mye tid uten at vi kom noen vei.'],
  'OVR_WOULD_BUY:A': ['Basert på denne opplevelsen ville jeg helt klart handlet her.', 'Dette ga meg lyst til å handle.'],
  'OVR_WOULD_BUY:B': ['Jeg kunne kanskje handlet her.'],
  'OVR_WOULD_BUY:C': ['Jeg ville ikke handlet med dette selskapet etter denne opplevelsen.'],
  'OVR_CLOSING:A': ['Avslutningen var personlig og hyggelig.', 'Jeg mottok en hyggelig avslutningshilsen.'],
  'OVR_CLOSING:B': ['Avslutningen var nøytral.'],
  'OVR_CLOSING:C': [
    'Avslutningen var brå.',
    'W|Den siste meldingen min fikk jeg aldri svar på.',
    'P|Samtalen ble avsluttet nesten før jeg hadde takket.',
  ],
  'OVR_VALUED:A': ['Jeg følte meg verdsatt og velkommen.'],
  'OVR_VALUED:B': ['Jeg følte meg delvis verdsatt.'],
  'OVR_VALUED:C': ['Jeg følte meg ikke verdsatt som kunde.'],
  'OVR_EXPECTATIONS:A': ['Forventningene mine ble overgått.'],
  'OVR_EXPECTATIONS:B': ['Forventningene ble innfridd.'],
  'OVR_EXPECTATIONS:C': ['Forventningene mine ble ikke innfridd.'],
};

const UNANSWERED: Record<Channel, string[]> = {
  PHONE: [
    'Ingen svar etter to forsøk. Ringte i fem minutter begge gangene.',
    'Ingen svar etter to forsøk på to forskjellige dager, sto i kø i fem minutter hver gang.',
    'Telefonen ble ikke besvart, verken første eller andre gang jeg ringte.',
  ],
  CHAT: [
    'Ingen svar etter to forsøk. Ventet fem minutter i chatten hver gang uten at noen svarte.',
    'Chatten ble ikke besvart på noen av de to forsøkene.',
  ],
  MESSENGER: [
    'Ingen svar etter to forsøk på Messenger, heller ikke før andre forsøk.',
    'Sendte melding to ganger på ulike dager uten å få svar innen 30 minutter.',
  ],
  EMAIL: [
    'Fikk ikke svar innen tre virkedager, kun en automatisk bekreftelse på at henvendelsen var mottatt.',
    'Ingen svar på e-posten innen tre virkedager.',
    'Sendte henvendelsen via kontaktskjemaet, men fikk aldri svar.',
  ],
};

export interface AreaAnswers {
  /** Share of possible points earned in the area (0–1). */
  share: number;
  /** `QUESTION:OPTION` keys of the options ticked in the area. */
  ticks: string[];
}

function variants(tick: string, channel: Channel): string[] {
  const written = channel !== 'PHONE';
  const out: string[] = [];
  for (const v of OBSERVATIONS[tick] ?? []) {
    if (v.startsWith('P|')) {
      if (!written) out.push(v.slice(2));
    } else if (v.startsWith('W|')) {
      if (written) out.push(v.slice(2));
    } else out.push(v);
  }
  return out;
}

function observations(rng: Rng, channel: Channel, ticks: string[], n: number): string[] {
  const usable = ticks.map((t) => variants(t, channel)).filter((v) => v.length > 0);
  return rng.sample(usable, n).map((v) => rng.pick(v));
}

function compose(parts: string[], channel: Channel): string {
  return parts
    .filter((p) => p.length > 0)
    .join(' ')
    .replace(/\{dialog\}/g, DIALOG[channel]);
}

export function receptionComment(rng: Rng, channel: Channel, a: AreaAnswers): string {
  const level = levelOf(a.share);
  return compose([rng.pick(RECEPTION_OPEN[level]), ...observations(rng, channel, a.ticks, 2)], channel);
}

export function agentComment(rng: Rng, channel: Channel, a: AreaAnswers): string {
  const level = levelOf(a.share);
  return compose(
    [rng.pick(AGENT_OPEN[level]), ...observations(rng, channel, a.ticks, rng.int(2, 3)), rng.pick(AGENT_CLOSE[level])],
    channel,
  );
}

export function overallComment(rng: Rng, channel: Channel, a: AreaAnswers, grade: string | undefined): string {
  const level = levelOf(a.share);
  const gradeLine = grade && rng.chance(0.4) ? `Jeg gir kundebehandleren karakteren ${grade}.` : '';
  return compose(
    [rng.pick(OVERALL_OPEN[level]), ...observations(rng, channel, a.ticks, 2), gradeLine, rng.pick(OVERALL_CLOSE[level])],
    channel,
  );
}

export function unansweredComment(rng: Rng, channel: Channel): string {
  return rng.pick(UNANSWERED[channel]);
}

/** The opening sentences per area and level (for tests and for anyone checking the tone). */
export const OPENINGS: Record<'RECEPTION' | 'AGENT' | 'OVERALL', Record<Level, readonly string[]>> = {
  RECEPTION: RECEPTION_OPEN,
  AGENT: AGENT_OPEN,
  OVERALL: OVERALL_OPEN,
};
