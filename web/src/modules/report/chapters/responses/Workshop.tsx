import { useCallback, useEffect, useId } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MAX_RESPONSES_PAGE } from '@ksp/shared/api-limits';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '@web/app/i18n/useLocale';
import { reportPath, responsePath } from '@web/app/paths';
import { NoDataYet } from '@web/app/NoDataYet';
import { LanguageSwitch } from '@web/app/LanguageSwitch';
import { ResponsesDocument } from './documents';
import { filterVariables, parseFilters } from './params';
import { ResponseCard } from './ResponseCard';
import { ResponseQueries } from './ResponseQueries';
import { isManagerOf, isStaff, useMe } from '@web/app/session/useMe';
import { EditionStatusDocument } from '../../graphql/shell';
import { PreliminaryNotice } from '../../components/PreliminaryNotice';

/** Hide the score: `?skjulScore=1`. */
export const HIDE_SCORE_PARAM = 'skjulScore';
/** The server's largest page; a workshop steps through at most this many responses. */
const WORKSHOP_PAGE = MAX_RESPONSES_PAGE;

/**
 * Workshop mode: one response at a time, full screen, large type, no observer data. Steps
 * through the same selection as the list (the filters travel in the query) with buttons and
 * the arrow keys; the score can be hidden so a team discusses what happened before the number.
 */
export default function Workshop() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year: yearParam, company = '', inquiryId = '' } = useParams<{ year: string; company: string; inquiryId: string }>();
  const year = Number(yearParam);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = parseFilters(params);
  const hideScore = params.get(HIDE_SCORE_PARAM) === '1';
  const switchId = useId();
  const { me } = useMe();
  // Only staff open an unpublished edition's responses: ask its status for them alone.
  const [editionResult] = useQuery({ query: EditionStatusDocument, variables: { year }, pause: !isStaff(me) || !Number.isInteger(year) });
  const edition = editionResult.data?.edition;
  const [result, reexecute] = useQuery({
    query: ResponsesDocument,
    variables: { year, companySlug: company, first: WORKSHOP_PAGE, ...filterVariables({ ...filters, after: undefined }) },
    pause: !Number.isInteger(year),
  });
  const edges = result.data?.participation?.report?.responses.edges;
  const index = edges?.findIndex((e) => e.node.id === inquiryId) ?? -1;
  const response = edges?.[index]?.node;
  const previous = index > 0 ? edges?.[index - 1]?.node.id : undefined;
  const next = edges && index >= 0 && index < edges.length - 1 ? edges[index + 1]?.node.id : undefined;
  const listQuery = new URLSearchParams(params);
  listQuery.delete(HIDE_SCORE_PARAM);

  const go = useCallback(
    (id: string | undefined) => {
      if (id) void navigate(responsePath(year, company, id, params), { replace: true });
    },
    [navigate, year, company, params],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) && (target as HTMLInputElement).type !== 'checkbox') return;
      if (e.key === 'ArrowRight') go(next);
      if (e.key === 'ArrowLeft') go(previous);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, next, previous]);

  useEffect(() => {
    if (edges && response) document.title = t('workshop.documentTitle', { position: index + 1, count: edges.length });
  }, [t, edges, response, index]);

  let body;
  if (!Number.isInteger(year)) body = <p className="notice">{t('workshop.notFound')}</p>;
  else if (!edges) {
    body = (
      <NoDataYet
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        loading={t('workshop.loading')}
        level={2}
      />
    );
  } else if (!response) body = <p className="notice">{t('workshop.notFound')}</p>;
  else {
    body = (
      <>
        <div className="workshop__bar">
          <p className="workshop__position" aria-live="polite">
            {t('workshop.heading', { position: formatNumber(index + 1, 0, locale), count: formatNumber(edges.length, 0, locale) })}
          </p>
          <div className="workshop__controls">
            <label className="switch" htmlFor={switchId}>
              <input
                id={switchId}
                type="checkbox"
                role="switch"
                checked={hideScore}
                onChange={(e) => {
                  const nextParams = new URLSearchParams(params);
                  if (e.target.checked) nextParams.set(HIDE_SCORE_PARAM, '1');
                  else nextParams.delete(HIDE_SCORE_PARAM);
                  setParams(nextParams, { replace: true });
                }}
              />
              {t('workshop.hideScore')}
            </label>
            <button type="button" className="button" disabled={!previous} onClick={() => go(previous)}>
              ← {t('workshop.previous')}
            </button>
            <button type="button" className="button button--primary" disabled={!next} onClick={() => go(next)}>
              {t('workshop.next')} →
            </button>
          </div>
        </div>
        <ResponseCard response={response} hideScore={hideScore} anonymous headingLevel={2} question={filters.question} answersOpen />
        <ResponseQueries
          year={year}
          company={company}
          inquiryId={response.id}
          queries={response.queries}
          canAsk={isManagerOf(me, company)}
        />
        <p className="workshop__hint">{t('workshop.keys')}</p>
      </>
    );
  }

  return (
    <div className="workshop">
      <header className="workshop__head">
        <Link className="button button--on-dark" to={reportPath(year, company, 'besvarelser', listQuery)}>
          {t('workshop.close')}
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" className="workshop__main" tabIndex={-1}>
        {edition && <PreliminaryNotice edition={edition.name} status={edition.status} />}
        <h1 className="visually-hidden">{t('workshop.documentTitle', { position: index + 1, count: edges?.length ?? 0 })}</h1>
        {body}
      </main>
    </div>
  );
}
