import { Edition } from '../modules/edition/edition.entity.js';
import { Company, IndustryClass, Participation, ParticipationCompetitor } from '../modules/participation/participation.entity.js';
import { Question, QuestionOption } from '../modules/questionnaire/question.entity.js';
import { Observer, ObserverCompany } from '../modules/observer/observer.entity.js';
import { Assignment, RolePlay } from '../modules/fieldwork/fieldwork.entity.js';
import { Answer, Inquiry, InquiryAttempt, ReviewEvent } from '../modules/inquiry/inquiry.entity.js';
import { User, UserSession } from '../modules/user/user.entity.js';

/**
 * Every table except those only SQL touches: the sign-in limiter's `login_limit` (rate-limiter-flexible),
 * `data_version` (triggers write it, the response cache reads it: graphql/response-cache.ts),
 * `published_section` and `result_version` (the stored report sections: modules/report/published-sections.ts)
 * and `inquiry_completeness_due` (triggers only, empty outside a transaction).
 */
export const ENTITIES = [
  Edition, Company, IndustryClass, Participation, ParticipationCompetitor, Question, QuestionOption, Observer, ObserverCompany,
  RolePlay, Assignment, Inquiry, InquiryAttempt, Answer, ReviewEvent, User, UserSession,
];
