import { graphql } from '../../graphql/generated';
import type { MeQuery } from '../../graphql/generated/graphql';

/** Who is signed in and what the web may offer them; the server still decides every request. */
export const MeDocument = graphql(`
  query Me {
    me {
      id
      role
      email
      company {
        slug
        name
      }
      participations {
        year
        editionStatus
        className
        tier
        reportPurchased
        competitors {
          slug
          name
        }
      }
    }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      role
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export type Me = NonNullable<MeQuery['me']>;
export type OwnParticipation = Me['participations'][number];
