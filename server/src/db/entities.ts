import { Edition, EditionEvent } from '../modules/edition/edition.entity.js';
import { Company, IndustryClass, Participation, ParticipationCompetitor } from '../modules/participation/participation.entity.js';
import { Question, QuestionOption } from '../modules/questionnaire/question.entity.js';
import { Observer, ObserverCompany } from '../modules/observer/observer.entity.js';
import { Assignment, AssignmentEvent, RolePlay } from '../modules/fieldwork/fieldwork.entity.js';
import { FieldworkPlanRun, FieldworkShortfall } from '../modules/fieldwork/planning.entity.js';
import { ResponseCorrection, ResponseDraft, ResponseQuery, ResponseSubmission } from '../modules/fieldwork/response.entity.js';
import { Answer, Inquiry, InquiryAttempt, ReviewEvent } from '../modules/inquiry/inquiry.entity.js';
import { User, UserSession } from '../modules/user/user.entity.js';
import { SignUp, WelcomeLink } from '../modules/signup/sign-up.entity.js';

/** Every table except those only SQL touches: SQL_ONLY_TABLES (db/tables.ts). */
export const ENTITIES = [
  Edition,
  EditionEvent,
  Company,
  IndustryClass,
  Participation,
  ParticipationCompetitor,
  Question,
  QuestionOption,
  Observer,
  ObserverCompany,
  RolePlay,
  Assignment,
  AssignmentEvent,
  FieldworkPlanRun,
  FieldworkShortfall,
  ResponseDraft,
  ResponseSubmission,
  ResponseCorrection,
  ResponseQuery,
  Inquiry,
  InquiryAttempt,
  Answer,
  ReviewEvent,
  User,
  UserSession,
  SignUp,
  WelcomeLink,
];
