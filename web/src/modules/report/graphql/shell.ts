import { graphql } from '@web/graphql/generated';

/**
 * Just enough to know the report may be opened, what it is called, its channels, and what the viewer may do with it;
 * the edition's status says whether the results are still preliminary (staff only open an unpublished edition).
 */
export const ReportShellDocument = graphql(`
  query ReportShell($year: Int!, $companySlug: String!) {
    edition(year: $year) {
      name
      status
    }
    participation(year: $year, companySlug: $companySlug) {
      company {
        slug
        name
      }
      className
      report {
        byChannel {
          channel
        }
        abilities {
          chapters
          ownReport
          canSeeCompetitors
          canDownloadPdf
          canDownloadResponses
        }
      }
    }
  }
`);

/** Staff only: every participant of an edition, for the switcher and the edition overview. */
export const EditionParticipantsDocument = graphql(`
  query EditionParticipants($year: Int!) {
    editionParticipants(year: $year) {
      company {
        slug
        name
      }
      className
      tier
      reportPurchased
      total
      competitors {
        slug
      }
    }
  }
`);

/** Staff only need it outside the report layout (workshop mode): whether the edition's figures are preliminary. */
export const EditionStatusDocument = graphql(`
  query EditionStatus($year: Int!) {
    edition(year: $year) {
      name
      status
    }
  }
`);
