import { Edition } from '../modules/edition/edition.entity.js';
import { Company, IndustryClass, Participation } from '../modules/participation/participation.entity.js';
import { Question, QuestionOption } from '../modules/questionnaire/question.entity.js';
import { Observer } from '../modules/observer/observer.entity.js';
import { Assignment, RolePlay } from '../modules/fieldwork/fieldwork.entity.js';
import { Answer, Inquiry, InquiryAttempt, ReviewEvent } from '../modules/inquiry/inquiry.entity.js';
import { User, UserSession } from '../modules/user/user.entity.js';

export const ENTITIES = [
  Edition, Company, IndustryClass, Participation, Question, QuestionOption, Observer,
  RolePlay, Assignment, Inquiry, InquiryAttempt, Answer, ReviewEvent, User, UserSession,
];
