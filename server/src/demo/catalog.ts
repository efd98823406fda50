// The fixed vocabulary of the demo data: industry classes with their role plays, the word
// parts that make up the (invented) company names, and the Norwegian counties.

export interface RolePlayDef {
  title: string;
  description: string;
}

export interface ClassDef {
  name: string;
  /** Company name patterns; `{}` is replaced by an invented place-like word ("Multevik"). */
  patterns: string[];
  rolePlays: RolePlayDef[];
}

export const CLASSES: ClassDef[] = [
  {
    name: 'Bank',
    patterns: ['{} Sparebank', '{}banken', '{} Bank'],
    rolePlays: [
      {
        title: 'Refinansiering av boliglån',
        description: 'Du eier egen bolig og vil undersøke muligheter, rutiner og betingelser for å refinansiere boliglånet.',
      },
      { title: 'Finansieringsbevis', description: 'Du eier ikke egen bolig og vil vite hva som skal til for å få finansieringsbevis.' },
    ],
  },
  {
    name: 'Forsikring',
    patterns: ['{} Forsikring', '{}trygd', '{} Skadeforsikring'],
    rolePlays: [
      {
        title: 'Gjennomgang av forsikringsbehov',
        description:
          'Du tar utgangspunkt i egne forsikringsbehov (bolig, innbo, bil, reise) og vil høre hva selskapet kan tilby deg og familien.',
      },
    ],
  },
  {
    name: 'Mobil',
    patterns: ['{} Mobil', '{}tele', '{} Mobilnett'],
    rolePlays: [
      {
        title: 'Bytte mobilselskap',
        description: 'Du vurderer å bytte mobilselskap og vil vite hvilket abonnement som passer ditt forbruk.',
      },
      {
        title: 'Nytt abonnement og ny telefon',
        description: 'Du vil bytte både mobilselskap og telefon og ber om råd om hva som lønner seg for deg.',
      },
    ],
  },
  {
    name: 'Medlemsorganisasjon',
    patterns: ['{} Turlag', 'Foreningen {}', '{} Bilklubb', '{}forbundet'],
    rolePlays: [{ title: 'Bli medlem', description: 'Du er nysgjerrig på å bli medlem og vil vite hva medlemskapet gir deg.' }],
  },
  {
    name: 'Persontransport',
    patterns: ['{} Ekspress', '{}bussen', '{} Ferjeselskap', '{} Tog'],
    rolePlays: [
      {
        title: 'Reise mellom to steder',
        description:
          'Du skal reise en eller flere ganger mellom to steder innenfor rutetilbudet og vil vite hvilke billetter og avganger som passer.',
      },
    ],
  },
  {
    name: 'Netthandel',
    patterns: ['{} Nettbutikk', '{}shop', '{} Netthandel'],
    rolePlays: [
      {
        title: 'Valg mellom to produkter',
        description: 'Du har funnet to produkter av samme type i nettbutikken og ber om råd og veiledning for å velge det som passer deg.',
      },
    ],
  },
  {
    name: 'Strøm',
    patterns: ['{} Kraft', '{} Energi', '{}strøm'],
    rolePlays: [{ title: 'Ny strømavtale', description: 'Du skal flytte og vurderer hvilken strømavtale som passer husstanden.' }],
  },
  {
    name: 'Bredbånd og TV',
    patterns: ['{} Fiber', '{} Bredbånd', '{}nett'],
    rolePlays: [
      {
        title: 'Raskere bredbånd og TV-pakke',
        description: 'Du vil ha raskere bredbånd og lurer på hvilke TV-pakker som kan kombineres med det.',
      },
    ],
  },
  {
    name: 'Bilforhandler',
    patterns: ['{} Bil', '{} Bilsenter', '{} Auto'],
    rolePlays: [
      { title: 'Bytte til elbil', description: 'Du vurderer å bytte til elbil og vil høre om modeller, prøvekjøring og finansiering.' },
    ],
  },
  {
    name: 'Eiendomsmegler',
    patterns: ['{} Eiendom', '{} Eiendomsmegling', 'Megler {}'],
    rolePlays: [{ title: 'Salg av bolig', description: 'Du vurderer å selge boligen din og vil vite hvordan megleren går frem.' }],
  },
  {
    name: 'Reiseliv',
    patterns: ['{} Reiser', '{} Reisebyrå', '{} Opplevelser'],
    rolePlays: [{ title: 'Familieferie', description: 'Du planlegger en ferie for familien og vil ha forslag til reisemål og opplegg.' }],
  },
  {
    name: 'Dagligvare',
    patterns: ['{} Matsenter', '{}kjøp', '{} Dagligvare'],
    rolePlays: [
      { title: 'Handle mat på nett', description: 'Du vurderer å handle dagligvarer på nett og lurer på levering, henting og bestilling.' },
    ],
  },
  {
    name: 'Apotek',
    patterns: ['{} Apotek', 'Apotek {}'],
    rolePlays: [
      { title: 'Råd om reseptfrie produkter', description: 'Du ønsker råd om reseptfrie produkter mot en vanlig plage i familien.' },
    ],
  },
  {
    name: 'Optiker',
    patterns: ['{} Optikk', '{} Brillesenter', 'Optiker {}'],
    rolePlays: [
      {
        title: 'Synsundersøkelse og briller',
        description: 'Du opplever at synet har blitt dårligere og vil vite mer om synsundersøkelse, briller og linser.',
      },
    ],
  },
  {
    name: 'Treningssenter',
    patterns: ['{} Trening', '{} Treningssenter', '{} Aktiv'],
    rolePlays: [
      { title: 'Nytt medlemskap', description: 'Du vil begynne å trene og vil vite hvilket medlemskap og hvilke timer som passer deg.' },
    ],
  },
  {
    name: 'Kommune',
    patterns: ['{} kommune'],
    rolePlays: [
      { title: 'Barnehageplass', description: 'Du skal flytte til kommunen og lurer på hvordan du søker barnehageplass.' },
      { title: 'Tilbygg', description: 'Du planlegger et tilbygg og lurer på om og hvordan du må søke.' },
    ],
  },
  {
    name: 'Inkasso',
    patterns: ['{} Inkasso', '{} Inkassobyrå', '{} Kravservice'],
    rolePlays: [
      {
        title: 'Oppfølging av ubetalte fakturaer',
        description: 'Du driver et lite foretak og vurderer å sette bort oppfølgingen av ubetalte fakturaer.',
      },
    ],
  },
  {
    name: 'Lån og kreditt',
    patterns: ['{} Finans', '{} Kreditt', '{}lån'],
    rolePlays: [
      { title: 'Samle smålån', description: 'Du vurderer å samle smålån og kredittkort i ett lån og vil vite hvordan det fungerer.' },
    ],
  },
  {
    name: 'Pensjon',
    patterns: ['{} Pensjon', '{} Pensjonskasse', '{} Livsforsikring'],
    rolePlays: [{ title: 'Egen pensjonssparing', description: 'Du vil komme i gang med egen pensjonssparing og ber om råd.' }],
  },
  {
    name: 'Møbler og interiør',
    patterns: ['{} Møbler', '{} Interiør', '{} Hjem'],
    rolePlays: [{ title: 'Ny sofa', description: 'Du skal kjøpe ny sofa og vil ha råd om modeller, stoff og levering.' }],
  },
  {
    name: 'Elektronikk',
    patterns: ['{} Elektro', '{} Elektronikk', '{}data'],
    rolePlays: [{ title: 'Valg av ny TV', description: 'Du skal kjøpe ny TV og vil ha hjelp til å velge mellom to modeller.' }],
  },
  {
    name: 'Bygg og jernvare',
    patterns: ['{} Byggevare', '{} Jernvare', '{} Trelast'],
    rolePlays: [
      { title: 'Oppussing av bad', description: 'Du planlegger å pusse opp badet og vil ha råd om materialer og fremgangsmåte.' },
    ],
  },
  {
    name: 'Hotell',
    patterns: ['{} Hotell', 'Hotel {}', '{} Fjordhotell'],
    rolePlays: [
      { title: 'Helgeopphold', description: 'Du planlegger et helgeopphold for to og vil vite hva hotellet kan tilby.' },
      { title: 'Lite seminar', description: 'Du skal arrangere et fagseminar for rundt 20 personer og vil vite hva hotellet kan tilby.' },
    ],
  },
  {
    name: 'Flyselskap',
    patterns: ['{} Air', '{} Fly', '{}fly'],
    rolePlays: [
      { title: 'Reise med sportsutstyr', description: 'Du skal reise med ski eller sykkel og vil vite hvordan du tar med utstyret.' },
    ],
  },
];

/** First halves of the invented place-like words (nature words rarely used in real names). */
export const NAME_HEADS = [
  'Multe',
  'Tytte',
  'Krekle',
  'Myrull',
  'Teiste',
  'Skjære',
  'Gauke',
  'Jerve',
  'Røyske',
  'Oter',
  'Fjellrev',
  'Kobber',
  'Glimmer',
  'Kvarts',
  'Tinn',
  'Tare',
  'Skjell',
  'Perle',
  'Tåke',
  'Lomme',
  'Blåveis',
  'Hvitveis',
  'Soleie',
  'Ekorn',
  'Grevling',
  'Lemen',
  'Rugde',
  'Spove',
  'Ærfugl',
  'Rype',
  'Moltebær',
  'Nordstjerne',
];
/** Second halves of the invented place-like words. */
export const NAME_TAILS = [
  'vik',
  'dal',
  'berg',
  'nes',
  'li',
  'strand',
  'heim',
  'sund',
  'fjord',
  'haug',
  'voll',
  'tind',
  'lund',
  'holm',
  'ås',
  'mo',
];

/** Norwegian counties (fylker, 2024) with rough population weights. */
export const REGIONS: [name: string, weight: number][] = [
  ['Oslo', 717],
  ['Akershus', 730],
  ['Østfold', 310],
  ['Buskerud', 270],
  ['Innlandet', 373],
  ['Vestfold', 256],
  ['Telemark', 177],
  ['Agder', 318],
  ['Rogaland', 500],
  ['Vestland', 650],
  ['Møre og Romsdal', 270],
  ['Trøndelag', 480],
  ['Nordland', 241],
  ['Troms', 170],
  ['Finnmark', 75],
];

/** A lower-case URL slug: æ→ae, ø→o, å→a, anything else non-alphanumeric → "-". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Common Norwegian first names, for observers and contact persons. */
export const FIRST_NAMES_FEMALE = [
  'Anne',
  'Inger',
  'Kari',
  'Marit',
  'Ingrid',
  'Liv',
  'Eva',
  'Berit',
  'Astrid',
  'Bjørg',
  'Hilde',
  'Anna',
  'Solveig',
  'Marianne',
  'Randi',
  'Ida',
  'Nina',
  'Maria',
  'Elisabeth',
  'Kristin',
  'Tone',
  'Silje',
  'Ingeborg',
  'Hanne',
  'Camilla',
  'Nora',
  'Emma',
  'Sofie',
  'Thea',
  'Maja',
  'Sigrid',
  'Ragnhild',
  'Åse',
  'Synnøve',
  'Tuva',
  'Frida',
];
export const FIRST_NAMES_MALE = [
  'Jan',
  'Per',
  'Bjørn',
  'Ole',
  'Lars',
  'Kjell',
  'Knut',
  'Arne',
  'Svein',
  'Thomas',
  'Hans',
  'Geir',
  'Tor',
  'Morten',
  'Terje',
  'Odd',
  'Erik',
  'Martin',
  'Andreas',
  'Jon',
  'Anders',
  'Rune',
  'Trond',
  'Harald',
  'Magnus',
  'Henrik',
  'Jonas',
  'Sindre',
  'Øyvind',
  'Håkon',
  'Sverre',
  'Eirik',
  'Aksel',
  'Filip',
  'Emil',
  'Tobias',
];
/** Names used by anyone (for observers who gave their gender as other). */
export const FIRST_NAMES_ANY = ['Kim', 'Robin', 'Sam', 'Eli', 'Andrea', 'Alex', 'Mika', 'Ulrike'];
export const LAST_NAMES = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Halvorsen',
  'Henriksen',
  'Lund',
  'Sørensen',
  'Jakobsen',
  'Moen',
  'Gundersen',
  'Iversen',
  'Strand',
  'Solberg',
  'Svendsen',
  'Eide',
  'Knutsen',
  'Martinsen',
  'Paulsen',
  'Bakken',
  'Kristoffersen',
  'Mathisen',
  'Lie',
  'Amundsen',
  'Nguyen',
  'Rasmussen',
  'Ali',
  'Lunde',
  'Solheim',
  'Berge',
  'Moe',
  'Nygård',
  'Bakke',
  'Kristensen',
  'Fredriksen',
  'Holm',
  'Lien',
  'Hauge',
  'Christensen',
  'Andresen',
  'Nielsen',
  'Knudsen',
  'Evensen',
  'Sæther',
  'Aas',
  'Myhre',
  'Hanssen',
  'Ahmed',
  'Haugland',
  'Thomassen',
  'Sivertsen',
  'Simonsen',
  'Danielsen',
  'Berntsen',
  'Sandvik',
  'Rønning',
  'Arnesen',
  'Antonsen',
  'Næss',
  'Vik',
  'Haug',
  'Ellingsen',
  'Thorsen',
];
