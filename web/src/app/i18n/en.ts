import type { Resources } from './nb';

export const en: Resources = {
  app: {
    title: 'KSP – Kundeserviceprisen',
    tagline: 'The yearly test of customer service centres in Norway',
    skipToContent: 'Skip to content',
    home: 'Home',
  },
  language: {
    label: 'Language',
    nb: 'Norsk',
    en: 'English',
  },
  errors: {
    network: 'We cannot reach the server. Check your connection and try again.',
    notFound: 'We could not find what you were looking for.',
    forbidden: 'You do not have access to this.',
    badInput: 'The request was not valid: {{message}}',
    generic: 'Something went wrong on our side. Please try again shortly.',
    retry: 'Try again',
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not exist. Perhaps the link is old?',
    back: 'Go to the results',
  },
  resultList: {
    documentTitle: 'Results {{edition}} – KSP',
    heading: 'Results {{edition}}',
    headingPlain: 'Results',
    filters: 'Selection',
    edition: 'Edition',
    className: 'Class',
    editionStatus: {
      PLANNING: 'planning',
      FIELDWORK: 'fieldwork',
      REVIEW: 'review',
      PUBLISHED: 'published',
    },
    allClasses: 'All classes',
    caption: 'Results for {{edition}}, all classes',
    captionClass: 'Results for {{edition}}, class {{className}}',
    columns: {
      rank: 'Rank',
      classRank: 'Rank in class',
      company: 'Company',
      className: 'Class',
      total: 'Total',
    },
    count_one: '{{formatted}} participant',
    count_other: '{{formatted}} participants',
    explanation:
      'The total is the points the company earned as a percentage of the points possible in the test. Companies with the same total (rounded to two decimals) share a rank.',
    explanationClass: 'Rank is the position within the class.',
    loading: 'Loading results …',
    loadingEditions: 'Loading editions …',
    empty: 'No participants in this selection.',
    noEditions: 'No results have been published yet.',
    unknownEdition: 'There are no published results for {{year}}. Choose another edition.',
  },
};
