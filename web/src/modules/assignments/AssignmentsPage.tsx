import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDateTime } from '@ksp/shared/format/date';
import { useLocale } from '../../app/i18n/useLocale';
import { NoDataYet } from '../../app/NoDataYet';
import type { MyAssignmentsQuery } from '../../graphql/generated/graphql';
import { MyAssignmentsDocument } from './graphql';
import { assignmentPath } from './paths';
import { ContactPoint } from './ContactPoint';

type Assignment = MyAssignmentsQuery['myAssignments'][number];

/**
 * `/oppdrag`: the signed-in observer's own assignments, newest edition first: whom to contact,
 * on which channel and week, the role plays and the contact hours; a returned one says why and
 * which questions to fix. Nothing about points, scores or other observers (domain.md).
 */
const TO_DO_FIRST: readonly Assignment['status'][] = ['RETURNED', 'DRAFT', 'PLANNED', 'SUBMITTED', 'APPROVED'];

export default function AssignmentsPage() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: MyAssignmentsDocument, requestPolicy: 'cache-and-network' });
  const assignments = result.data?.myAssignments;
  const byYear = useMemo(() => {
    const map = new Map<number, Assignment[]>();
    for (const a of assignments ?? []) map.set(a.year, [...(map.get(a.year) ?? []), a]);
    // What needs the observer comes first (a stable sort keeps week and name order within each status).
    for (const list of map.values()) list.sort((a, b) => TO_DO_FIRST.indexOf(a.status) - TO_DO_FIRST.indexOf(b.status));
    return [...map.entries()].sort(([a], [b]) => b - a);
  }, [assignments]);

  useEffect(() => {
    document.title = t('assignments.documentTitle');
  }, [t]);

  return (
    <div className="container assignments">
      <h1>{t('assignments.heading')}</h1>
      {!assignments ? (
        <NoDataYet error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} loading={t('assignments.loading')} />
      ) : assignments.length === 0 ? (
        <p className="notice">{t('assignments.none')}</p>
      ) : (
        byYear.map(([year, list]) => (
          <section key={year} aria-labelledby={`assignments-${year}`}>
            <h2 id={`assignments-${year}`}>{t('assignments.edition', { year })}</h2>
            <ul className="assignments__list">
              {list.map((a) => (
                <AssignmentCard key={a.id} assignment={a} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

function AssignmentCard({ assignment: a }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const channel = t(`domain.channel.${a.channel}`);
  const open = a.status === 'PLANNED' || a.status === 'DRAFT' || a.status === 'RETURNED';
  return (
    <li className={`assignment-card${a.status === 'RETURNED' ? ' assignment-card--returned' : ''}`}>
      <div className="assignment-card__head">
        <h3>{a.company.name}</h3>
        <span className={`status-badge status-badge--${a.status.toLowerCase()}`}>{t(`assignments.status.${a.status}`)}</span>
      </div>
      <p className="assignment-card__meta">
        {channel} · {a.week === null ? t('assignments.noWeek') : t('assignments.week', { week: a.week })}
      </p>
      {a.status === 'RETURNED' && (
        <div className="notice notice--error assignment-card__returned" role="note">
          <p>
            <strong>{t('assignments.returned')}</strong>
            {a.returnedAt && ` (${t('assignments.returnedAt', { at: formatDateTime(a.returnedAt, locale) })})`}: {a.returnNote}
          </p>
          {a.returnQuestionTexts.length > 0 && (
            <>
              <p>{t('assignments.fixQuestions')}:</p>
              <ul className="assignment-card__fix">
                {a.returnQuestionTexts.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <dl className="assignment-card__facts">
        <dt>{t('assignments.contact')}</dt>
        <dd>
          <ContactPoint channel={a.channel} contact={a.contact} />
        </dd>
        <dt>{t('assignments.contactWindows')}</dt>
        <dd>
          <ul className="plain-list">
            {a.contactWindows.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </dd>
        {a.rolePlays.length > 0 && (
          <>
            <dt>{t('assignments.rolePlays')}</dt>
            <dd>
              <ul className="plain-list">
                {a.rolePlays.map((r) => (
                  <li key={r.title}>
                    <strong>{r.title}</strong>: {r.description}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <Link className={`button${open ? ' button--primary' : ''} assignment-card__open`} to={assignmentPath(a.id)}>
        {open ? t('assignments.openForm') : t('assignments.showResponse')}
        <span className="visually-hidden">
          {' '}
          ({a.company.name}, {channel})
        </span>
      </Link>
    </li>
  );
}
