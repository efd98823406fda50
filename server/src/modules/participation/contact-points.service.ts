import type { EntityManager } from '@mikro-orm/postgresql';
import { contactPointsOf, contactPointsProblems, type ContactPointDraft, type ContactPoints } from '@ksp/shared/signup/contact-points';
import { BadInput, NotFound, quote } from '../../errors.js';
import { Participation } from './participation.entity.js';

/**
 * Staff's correction of a participant's contact points while the edition is planned or in the
 * field (after that no observer needs them): the whole set is replaced, each for one of the
 * participation's channels and checked by the shared rules; an empty value removes one.
 */
export async function setContactPoints(
  em: EntityManager,
  year: number,
  companySlug: string,
  points: readonly ContactPointDraft[],
): Promise<ContactPoints> {
  return em.transactional(async (tx) => {
    const participation = await tx.findOne(
      Participation,
      { edition: { year }, company: { slug: companySlug.trim().toLowerCase() } },
      { populate: ['edition', 'company'] },
    );
    if (!participation) throw new NotFound(`${quote(companySlug)} er ikke deltaker i utgave ${year}.`);
    const status = participation.edition.status;
    if (status !== 'PLANNING' && status !== 'FIELDWORK') {
      throw new BadInput(`Kontaktadressene kan bare endres mens utgaven planlegges eller er i feltarbeid.`, {
        rule: 'NOT_PLANNING_OR_FIELDWORK',
        status,
      });
    }
    const problems = contactPointsProblems(points, participation.channels);
    if (problems.length > 0) throw new BadInput(problems.map((p) => p.message).join(' '), { fields: problems });
    participation.contactPoints = contactPointsOf(points);
    await tx.flush();
    return participation.contactPoints;
  });
}
