/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      role\n      email\n      company {\n        slug\n        name\n      }\n      participations {\n        year\n        editionStatus\n        className\n        tier\n        reportPurchased\n        competitors {\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      role\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query AreaChapter($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        areas {\n          area\n          score\n          byChannel {\n            channel\n            score\n          }\n          classBenchmark @include(if: $own) {\n            mean\n            members {\n              company {\n                slug\n                name\n              }\n              score\n            }\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n          maxPoints\n          answers\n          byChannel {\n            channel\n            score\n            answers\n          }\n        }\n      }\n    }\n  }\n": typeof types.AreaChapterDocument,
    "\n  query PerformanceDistribution($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        performances {\n          code\n          text\n          answers\n          options {\n            code\n            label\n            points\n            notApplicable\n            count\n            share\n          }\n        }\n      }\n    }\n  }\n": typeof types.PerformanceDistributionDocument,
    "\n  query OverviewChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel) {\n        total\n        lastYearTotal\n        classMean\n        byChannel {\n          channel\n          total\n        }\n        classBenchmark {\n          company {\n            slug\n            name\n          }\n          total\n        }\n        areas {\n          area\n          score\n          classBenchmark @include(if: $own) {\n            mean\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n        }\n        variation {\n          byChannel {\n            channel\n            spread {\n              stdDev\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OverviewChapterDocument,
    "\n  query ClassRanks($year: Int!, $className: String!) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      company {\n        slug\n      }\n    }\n  }\n": typeof types.ClassRanksDocument,
    "\n  query ReportShell($year: Int!, $companySlug: String!) {\n    participation(year: $year, companySlug: $companySlug) {\n      company {\n        slug\n        name\n      }\n      className\n      report {\n        byChannel {\n          channel\n        }\n      }\n    }\n  }\n": typeof types.ReportShellDocument,
    "\n  query EditionParticipants($year: Int!) {\n    editionParticipants(year: $year) {\n      company {\n        slug\n        name\n      }\n      className\n      tier\n      reportPurchased\n      competitors {\n        slug\n      }\n    }\n  }\n": typeof types.EditionParticipantsDocument,
    "\n  query Editions {\n    editions {\n      year\n      name\n      status\n      classNames\n    }\n  }\n": typeof types.EditionsDocument,
    "\n  query ResultList($year: Int!, $className: String) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      className\n      company {\n        slug\n        name\n      }\n    }\n  }\n": typeof types.ResultListDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      role\n      email\n      company {\n        slug\n        name\n      }\n      participations {\n        year\n        editionStatus\n        className\n        tier\n        reportPurchased\n        competitors {\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      role\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query AreaChapter($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        areas {\n          area\n          score\n          byChannel {\n            channel\n            score\n          }\n          classBenchmark @include(if: $own) {\n            mean\n            members {\n              company {\n                slug\n                name\n              }\n              score\n            }\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n          maxPoints\n          answers\n          byChannel {\n            channel\n            score\n            answers\n          }\n        }\n      }\n    }\n  }\n": types.AreaChapterDocument,
    "\n  query PerformanceDistribution($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        performances {\n          code\n          text\n          answers\n          options {\n            code\n            label\n            points\n            notApplicable\n            count\n            share\n          }\n        }\n      }\n    }\n  }\n": types.PerformanceDistributionDocument,
    "\n  query OverviewChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel) {\n        total\n        lastYearTotal\n        classMean\n        byChannel {\n          channel\n          total\n        }\n        classBenchmark {\n          company {\n            slug\n            name\n          }\n          total\n        }\n        areas {\n          area\n          score\n          classBenchmark @include(if: $own) {\n            mean\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n        }\n        variation {\n          byChannel {\n            channel\n            spread {\n              stdDev\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OverviewChapterDocument,
    "\n  query ClassRanks($year: Int!, $className: String!) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      company {\n        slug\n      }\n    }\n  }\n": types.ClassRanksDocument,
    "\n  query ReportShell($year: Int!, $companySlug: String!) {\n    participation(year: $year, companySlug: $companySlug) {\n      company {\n        slug\n        name\n      }\n      className\n      report {\n        byChannel {\n          channel\n        }\n      }\n    }\n  }\n": types.ReportShellDocument,
    "\n  query EditionParticipants($year: Int!) {\n    editionParticipants(year: $year) {\n      company {\n        slug\n        name\n      }\n      className\n      tier\n      reportPurchased\n      competitors {\n        slug\n      }\n    }\n  }\n": types.EditionParticipantsDocument,
    "\n  query Editions {\n    editions {\n      year\n      name\n      status\n      classNames\n    }\n  }\n": types.EditionsDocument,
    "\n  query ResultList($year: Int!, $className: String) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      className\n      company {\n        slug\n        name\n      }\n    }\n  }\n": types.ResultListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      role\n      email\n      company {\n        slug\n        name\n      }\n      participations {\n        year\n        editionStatus\n        className\n        tier\n        reportPurchased\n        competitors {\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      role\n      email\n      company {\n        slug\n        name\n      }\n      participations {\n        year\n        editionStatus\n        className\n        tier\n        reportPurchased\n        competitors {\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaChapter($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        areas {\n          area\n          score\n          byChannel {\n            channel\n            score\n          }\n          classBenchmark @include(if: $own) {\n            mean\n            members {\n              company {\n                slug\n                name\n              }\n              score\n            }\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n          maxPoints\n          answers\n          byChannel {\n            channel\n            score\n            answers\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AreaChapter($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        areas {\n          area\n          score\n          byChannel {\n            channel\n            score\n          }\n          classBenchmark @include(if: $own) {\n            mean\n            members {\n              company {\n                slug\n                name\n              }\n              score\n            }\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n          maxPoints\n          answers\n          byChannel {\n            channel\n            score\n            answers\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PerformanceDistribution($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        performances {\n          code\n          text\n          answers\n          options {\n            code\n            label\n            points\n            notApplicable\n            count\n            share\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PerformanceDistribution($year: Int!, $companySlug: String!, $channel: Channel, $area: ScoredArea!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel, area: $area) {\n        performances {\n          code\n          text\n          answers\n          options {\n            code\n            label\n            points\n            notApplicable\n            count\n            share\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel) {\n        total\n        lastYearTotal\n        classMean\n        byChannel {\n          channel\n          total\n        }\n        classBenchmark {\n          company {\n            slug\n            name\n          }\n          total\n        }\n        areas {\n          area\n          score\n          classBenchmark @include(if: $own) {\n            mean\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n        }\n        variation {\n          byChannel {\n            channel\n            spread {\n              stdDev\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!) {\n    participation(year: $year, companySlug: $companySlug) {\n      report(channel: $channel) {\n        total\n        lastYearTotal\n        classMean\n        byChannel {\n          channel\n          total\n        }\n        classBenchmark {\n          company {\n            slug\n            name\n          }\n          total\n        }\n        areas {\n          area\n          score\n          classBenchmark @include(if: $own) {\n            mean\n          }\n        }\n        performances {\n          code\n          text\n          scored\n          score\n        }\n        variation {\n          byChannel {\n            channel\n            spread {\n              stdDev\n              count\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassRanks($year: Int!, $className: String!) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      company {\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassRanks($year: Int!, $className: String!) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      company {\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportShell($year: Int!, $companySlug: String!) {\n    participation(year: $year, companySlug: $companySlug) {\n      company {\n        slug\n        name\n      }\n      className\n      report {\n        byChannel {\n          channel\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportShell($year: Int!, $companySlug: String!) {\n    participation(year: $year, companySlug: $companySlug) {\n      company {\n        slug\n        name\n      }\n      className\n      report {\n        byChannel {\n          channel\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionParticipants($year: Int!) {\n    editionParticipants(year: $year) {\n      company {\n        slug\n        name\n      }\n      className\n      tier\n      reportPurchased\n      competitors {\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionParticipants($year: Int!) {\n    editionParticipants(year: $year) {\n      company {\n        slug\n        name\n      }\n      className\n      tier\n      reportPurchased\n      competitors {\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Editions {\n    editions {\n      year\n      name\n      status\n      classNames\n    }\n  }\n"): (typeof documents)["\n  query Editions {\n    editions {\n      year\n      name\n      status\n      classNames\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResultList($year: Int!, $className: String) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      className\n      company {\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResultList($year: Int!, $className: String) {\n    resultList(year: $year, className: $className) {\n      rank\n      classRank\n      total\n      className\n      company {\n        slug\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;