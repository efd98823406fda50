// Bokmål, the default language. The English file must have the same keys (checked by its type).
export const nb = {
  app: {
    title: 'KSP – Kundeserviceprisen',
    tagline: 'Den årlige testen av kundesentre i Norge',
    skipToContent: 'Hopp til innholdet',
    home: 'Til forsiden',
  },
  language: {
    label: 'Språk',
    nb: 'Norsk',
    en: 'English',
  },
  errors: {
    network: 'Vi får ikke kontakt med serveren. Sjekk nettforbindelsen og prøv igjen.',
    notFound: 'Vi fant ikke det du lette etter.',
    forbidden: 'Du har ikke tilgang til dette.',
    badInput: 'Forespørselen var ugyldig: {{message}}',
    generic: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    retry: 'Prøv igjen',
  },
  notFound: {
    title: 'Fant ikke siden',
    body: 'Adressen finnes ikke. Kanskje lenken er gammel?',
    back: 'Til resultatlisten',
  },
  resultList: {
    documentTitle: 'Resultater {{edition}} – KSP',
    heading: 'Resultater {{edition}}',
    headingPlain: 'Resultater',
    filters: 'Utvalg',
    edition: 'Utgave',
    className: 'Klasse',
    editionStatus: {
      PLANNING: 'planlegges',
      FIELDWORK: 'feltarbeid',
      REVIEW: 'kontroll',
      PUBLISHED: 'publisert',
    },
    allClasses: 'Alle klasser',
    caption: 'Resultatliste for {{edition}}, alle klasser',
    captionClass: 'Resultatliste for {{edition}}, klassen {{className}}',
    columns: {
      rank: 'Plass',
      classRank: 'Plass i klassen',
      company: 'Selskap',
      className: 'Klasse',
      total: 'Totalt',
    },
    count_one: '{{formatted}} deltaker',
    count_other: '{{formatted}} deltakere',
    explanation:
      'Totalt er poengene selskapet oppnådde, i prosent av mulige poeng i testen. Selskaper med lik total (avrundet til to desimaler) deler plass.',
    explanationClass: 'Plass er plasseringen innenfor klassen.',
    loading: 'Laster resultater …',
    loadingEditions: 'Laster utgaver …',
    empty: 'Ingen deltakere i dette utvalget.',
    noEditions: 'Ingen resultater er publisert ennå.',
    unknownEdition: 'Det finnes ingen publiserte resultater for {{year}}. Velg en annen utgave.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill. */
export type Resources = Widen<typeof nb>;
