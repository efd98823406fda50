import { graphql } from '@web/graphql/generated';

/** The public form: the edition, whether sign-up is open, its classes and the names competitors are picked from. */
export const SignUpFormDocument = graphql(`
  query SignUpForm($year: Int!) {
    signUpForm(year: $year) {
      year
      name
      open
      classNames
      companyNames
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($year: Int!, $input: SignUpInput!) {
    signUp(year: $year, input: $input) {
      id
      companyName
      contactEmail
      status
    }
  }
`);

/** Staff: every sign-up of an edition with all it says and the decision. */
export const SignUpsDocument = graphql(`
  query SignUps($year: Int!) {
    signUps(year: $year) {
      id
      companyName
      organisationNumber
      className
      tier
      channels
      competitors
      reportPurchased
      openingHours
      contactPoints {
        channel
        value
      }
      contactName
      contactEmail
      status
      createdAt
      decidedAt
      decidedBy
      declineReason
      companySlug
    }
  }
`);

export const AcceptSignUpDocument = graphql(`
  mutation AcceptSignUp($id: ID!) {
    acceptSignUp(id: $id) {
      company {
        slug
        name
      }
      managerWelcome {
        email
        link
        expiresAt
        existingUser
      }
    }
  }
`);

export const DeclineSignUpDocument = graphql(`
  mutation DeclineSignUp($id: ID!, $reason: String!) {
    declineSignUp(id: $id, reason: $reason) {
      id
      status
      declineReason
    }
  }
`);

export const WelcomeLinkDocument = graphql(`
  query WelcomeLink($token: String!) {
    welcomeLink(token: $token) {
      email
      expiresAt
    }
  }
`);

export const UseWelcomeLinkDocument = graphql(`
  mutation UseWelcomeLink($token: String!, $password: String!) {
    useWelcomeLink(token: $token, password: $password) {
      id
      role
    }
  }
`);
