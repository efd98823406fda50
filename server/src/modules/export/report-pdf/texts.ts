import { DOMAIN_LABELS, type Category, type Channel, type CxMeasure, type Locale, type NpsGroup, type ScoredArea } from '@ksp/shared';

/**
 * Every word of the report PDF, in bokmål (default) and English: one dictionary. The names of
 * the domain's things (channels, areas, categories, genders, CX measures, NPS groups) come from
 * the shared DOMAIN_LABELS, so they read as on screen and in the spreadsheets.
 */
export interface PdfTexts {
  locale: Locale;
  channel: Record<Channel, string>;
  area: Record<ScoredArea, string>;
  category: Record<Category, string>;
  gender: Record<'FEMALE' | 'MALE' | 'OTHER', string>;
  cx: Record<CxMeasure, string>;
  report: string;
  page: (n: number, of: number) => string;
  contents: string;
  cover: {
    edition: string;
    class: string;
    total: string;
    rank: string;
    classRank: string;
    lastYear: string;
    notInLastYear: string;
    of: (n: number) => string;
    /** The uncertainty line: the total's 95 % interval and the rank intervals (already formatted). */
    certainty: string;
    certaintyValue: (interval: string, rank: string | null, classRank: string | null) => string;
    competitorNote: string;
    /** One line when responses were corrected after publication: how many, and the latest date (already formatted). */
    corrected: (count: number, latest: string) => string;
  };
  tooFew: string;
  notShown: string;
  chapters: {
    total: string;
    area: (name: string) => string;
    categories: string;
    cx: string;
    variation: string;
    background: string;
    competitors: string;
    history: string;
  };
  intro: {
    total: string;
    area: string;
    categories: string;
    cx: string;
    variation: string;
    background: string;
    competitors: string;
    history: string;
  };
  col: {
    channel: string;
    total: string;
    score: string;
    classMean: string;
    classScore: string;
    company: string;
    rank: string;
    performance: string;
    answers: string;
    inquiries: string;
    count: string;
    min: string;
    q1: string;
    median: string;
    q3: string;
    max: string;
    mean: string;
    stdDev: string;
    group: string;
    measure: string;
    year: string;
    className: string;
    area: string;
    category: string;
    share: string;
    band: string;
    gender: string;
    all: string;
    own: string;
    ofAll: string;
  };
  chart: {
    classBenchmark: string;
    byChannel: string;
    spreadByChannel: string;
    areaBenchmark: (a: string) => string;
    performances: string;
    perfByChannel: string;
    categories: string;
    cxMeans: string;
    nps: string;
    spreadByArea: string;
    competitors: string;
    history: string;
    valueAxis: string;
    yearAxis: string;
    meanSd: string;
    inquiry: string;
    npsGroups: Record<NpsGroup, string>;
    ageBands: string;
  };
  background: { rolePlays: string; channels: string; unanswered: string; genders: string; ageBands: string };
  widest: string;
}

const nb: PdfTexts = {
  locale: 'nb',
  channel: DOMAIN_LABELS.nb.channel,
  area: DOMAIN_LABELS.nb.area,
  category: DOMAIN_LABELS.nb.category,
  gender: DOMAIN_LABELS.nb.gender,
  cx: DOMAIN_LABELS.nb.cx,
  report: 'Deltakerrapport',
  page: (n, of) => `Side ${n} av ${of}`,
  contents: 'Innhold',
  cover: {
    edition: 'Utgave',
    class: 'Klasse',
    total: 'Totalresultat',
    rank: 'Plassering totalt',
    classRank: 'Plassering i klassen',
    lastYear: 'I fjor',
    notInLastYear: 'deltok ikke',
    of: (n) => `av ${n}`,
    certainty: 'Usikkerhet (95 %)',
    certaintyValue: (interval, rank, classRank) =>
      [interval, rank && `plass ${rank} totalt`, classRank && `plass ${classRank} i klassen`].filter(Boolean).join(', '),
    competitorNote:
      'Konkurrentrapport: bare samlede tall (aggregater), ingen enkeltbesvarelser eller kommentarer. Tall over for få henvendelser vises ikke, og heller ikke tall de kunne regnes ut av.',
    corrected: (count, latest) => `Korrigert etter publisering: ${count} ${count === 1 ? 'besvarelse' : 'besvarelser'}, sist ${latest}`,
  },
  tooFew: 'for få henvendelser',
  notShown: 'vises ikke',
  chapters: {
    total: 'Totalt',
    area: (name) => `Område: ${name}`,
    categories: 'Kategorier',
    cx: 'Kundeopplevelse (CX)',
    variation: 'Variasjon',
    background: 'Bakgrunn',
    competitors: 'Konkurrenter',
    history: 'Historikk',
  },
  intro: {
    total:
      'Totalresultatet er poeng oppnådd av mulige poeng over alle godkjente henvendelser, her per kanal og mot klassen, og spredningen mellom henvendelsene.',
    area: 'Områdets resultat per kanal og mot klassen, og hver prestasjon med klassens tall og per kanal.',
    categories: 'Kategoriene går på tvers av områdene. Resultat per kategori, per kanal og mot snittet i klassen.',
    cx: 'De internasjonale CX-målene over besvarte henvendelser, hver på sin skala, per kanal og mot klassen.',
    variation:
      'Hvor mye resultatet varierer fra henvendelse til henvendelse (leveransevariasjon), per område, og prestasjonene som varierer mest.',
    background: 'Hvordan selskapet ble undersøkt: rollespill, kanaler og observatørenes kjønn og alder.',
    competitors: 'Egne resultater og de valgte konkurrentenes side om side (bare samlede tall).',
    history: 'Resultatene i tidligere utgaver av KSP.',
  },
  col: {
    channel: 'Kanal',
    total: 'Totalt',
    score: 'Resultat',
    classMean: 'Snitt i klassen',
    classScore: 'Klassen',
    company: 'Selskap',
    rank: 'Plass',
    performance: 'Prestasjon',
    answers: 'Svar',
    inquiries: 'Henvendelser',
    count: 'Antall',
    min: 'Min',
    q1: 'Q1',
    median: 'Median',
    q3: 'Q3',
    max: 'Maks',
    mean: 'Snitt',
    stdDev: 'Std.avvik',
    group: 'Gruppe',
    measure: 'Mål',
    year: 'År',
    className: 'Klasse',
    area: 'Område',
    category: 'Kategori',
    share: 'Andel',
    band: 'Alder',
    gender: 'Kjønn',
    all: 'Alle',
    own: 'Eget',
    ofAll: 'av alle',
  },
  chart: {
    classBenchmark: 'Totalt mot klassen',
    byChannel: 'Totalt per kanal',
    spreadByChannel: 'Spredning mellom henvendelsene',
    areaBenchmark: (a) => `${a} mot klassen`,
    performances: 'Prestasjonene mot klassen',
    perfByChannel: 'Prestasjonene per kanal',
    categories: 'Kategoriene mot klassen',
    cxMeans: 'CX-snitt mot klassen',
    nps: 'NPS-fordeling per kanal',
    spreadByArea: 'Spredning per område',
    competitors: 'Side om side',
    history: 'Utvikling over år',
    valueAxis: 'Resultat (%)',
    yearAxis: 'År',
    meanSd: 'Snitt ± std.avvik',
    inquiry: 'Henvendelse',
    npsGroups: DOMAIN_LABELS.nb.npsGroup,
    ageBands: 'Observatørenes alder',
  },
  background: {
    rolePlays: 'Rollespill',
    channels: 'Henvendelser per kanal',
    unanswered: DOMAIN_LABELS.nb.inquiryStatus.UNANSWERED,
    genders: 'Observatørenes kjønn',
    ageBands: 'Observatørenes alder',
  },
  widest: 'Prestasjonene som varierer mest',
};

const en: PdfTexts = {
  locale: 'en',
  channel: DOMAIN_LABELS.en.channel,
  area: DOMAIN_LABELS.en.area,
  category: DOMAIN_LABELS.en.category,
  gender: DOMAIN_LABELS.en.gender,
  cx: DOMAIN_LABELS.en.cx,
  report: 'Participant report',
  page: (n, of) => `Page ${n} of ${of}`,
  contents: 'Contents',
  cover: {
    edition: 'Edition',
    class: 'Class',
    total: 'Total score',
    rank: 'Rank overall',
    classRank: 'Rank in class',
    lastYear: 'Last year',
    notInLastYear: 'did not take part',
    of: (n) => `of ${n}`,
    certainty: 'Uncertainty (95 %)',
    certaintyValue: (interval, rank, classRank) =>
      [interval, rank && `rank ${rank} overall`, classRank && `rank ${classRank} in class`].filter(Boolean).join(', '),
    competitorNote:
      'Competitor report: aggregates only, no single responses or comments. Figures over too few inquiries are not shown, nor figures they could be worked out from.',
    corrected: (count, latest) => `Corrected after publication: ${count} ${count === 1 ? 'response' : 'responses'}, latest ${latest}`,
  },
  tooFew: 'too few inquiries',
  notShown: 'not shown',
  chapters: {
    total: 'Total',
    area: (name) => `Area: ${name}`,
    categories: 'Categories',
    cx: 'Customer experience (CX)',
    variation: 'Variation',
    background: 'Background',
    competitors: 'Competitors',
    history: 'History',
  },
  intro: {
    total:
      'The total is points earned of possible points over all approved inquiries, here by channel and against the class, and the spread between inquiries.',
    area: "The area's score by channel and against the class, and each performance with the class figure and by channel.",
    categories: 'Categories cut across the areas. Score by category, by channel and against the class mean.',
    cx: 'The international CX measures over answered inquiries, each on its own scale, by channel and against the class.',
    variation: 'How much the result varies from inquiry to inquiry (delivery variation), by area, and the performances that vary most.',
    background: 'How the company was examined: role plays, channels and the observers’ gender and age.',
    competitors: 'Own results and the chosen competitors’ side by side (aggregates only).',
    history: 'The results in earlier editions of KSP.',
  },
  col: {
    channel: 'Channel',
    total: 'Total',
    score: 'Score',
    classMean: 'Class mean',
    classScore: 'Class',
    company: 'Company',
    rank: 'Rank',
    performance: 'Performance',
    answers: 'Answers',
    inquiries: 'Inquiries',
    count: 'Count',
    min: 'Min',
    q1: 'Q1',
    median: 'Median',
    q3: 'Q3',
    max: 'Max',
    mean: 'Mean',
    stdDev: 'Std. dev.',
    group: 'Group',
    measure: 'Measure',
    year: 'Year',
    className: 'Class',
    area: 'Area',
    category: 'Category',
    share: 'Share',
    band: 'Age',
    gender: 'Gender',
    all: 'All',
    own: 'Own',
    ofAll: 'of all',
  },
  chart: {
    classBenchmark: 'Total against the class',
    byChannel: 'Total by channel',
    spreadByChannel: 'Spread between inquiries',
    areaBenchmark: (a) => `${a} against the class`,
    performances: 'Performances against the class',
    perfByChannel: 'Performances by channel',
    categories: 'Categories against the class',
    cxMeans: 'CX means against the class',
    nps: 'NPS distribution by channel',
    spreadByArea: 'Spread by area',
    competitors: 'Side by side',
    history: 'Over the years',
    valueAxis: 'Score (%)',
    yearAxis: 'Year',
    meanSd: 'Mean ± std. dev.',
    inquiry: 'Inquiry',
    npsGroups: DOMAIN_LABELS.en.npsGroup,
    ageBands: 'Observers’ age',
  },
  background: {
    rolePlays: 'Role plays',
    channels: 'Inquiries by channel',
    unanswered: DOMAIN_LABELS.en.inquiryStatus.UNANSWERED,
    genders: 'Observers’ gender',
    ageBands: 'Observers’ age',
  },
  widest: 'The performances that vary most',
};

export const PDF_TEXTS: Record<Locale, PdfTexts> = { nb, en };

/** The report file's name: `rapport-<company>-<year>.pdf`. */
export const reportFileName = (slug: string, year: number) => `rapport-${slug}-${year}.pdf`;
