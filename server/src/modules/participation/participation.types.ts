import { Field, Int, ObjectType } from 'type-graphql';
import type { ParticipationRow } from './participation.service.js';

@ObjectType('Company', { description: 'A company; it lives across editions.' })
export class CompanyType {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Participation', { description: 'A company in one edition.' })
export class ParticipationType {
  /** The row behind it, for field resolvers; not exposed. */
  row!: ParticipationRow;
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => Int, { description: 'The edition year.' }) year!: number;
  @Field(() => String) className!: string;
}

export function toParticipationType(row: ParticipationRow): ParticipationType {
  return Object.assign(new ParticipationType(), {
    row,
    company: { slug: row.slug, name: row.name },
    year: row.year,
    className: row.className,
  });
}
