import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '../../../../app/i18n/useLocale';
import { responsePath } from '../../../../app/paths';
import { useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ResponsesDocument } from './documents';
import { downloadPath } from '../../downloads';
import { FILTER_PARAMS, filterVariables, parseFilters } from './params';
import { ResponseCard } from './ResponseCard';

export const PAGE_SIZE = 10;

/** Chapter 5, the individual responses: filters in the URL, highlighted search matches, paged. */
export default function Responses() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const [result, reexecute] = useQuery({
    query: ResponsesDocument,
    variables: { year: report.year, companySlug: report.company.slug, first: PAGE_SIZE, ...filterVariables(filters) },
  });
  const connection = result.data?.participation?.report?.responses;
  const ids = {
    status: useId(),
    min: useId(),
    max: useId(),
    search: useId(),
  };
  const [draft, setDraft] = useState({ min: params.get(FILTER_PARAMS.minScore) ?? '', max: params.get(FILTER_PARAMS.maxScore) ?? '', search: params.get(FILTER_PARAMS.search) ?? '' });

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.responses'), company: report.company.name, year: report.year });
  }, [t, report]);

  /** Changes filters; any change starts again on the first page. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete(FILTER_PARAMS.after);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ [FILTER_PARAMS.minScore]: draft.min.trim(), [FILTER_PARAMS.maxScore]: draft.max.trim(), [FILTER_PARAMS.search]: draft.search.trim() });
  };
  const page = (after: string | undefined) => {
    const next = new URLSearchParams(params);
    if (after) next.set(FILTER_PARAMS.after, after);
    else next.delete(FILTER_PARAMS.after);
    setParams(next);
  };
  // Workshop mode keeps the filters (not the page), so it steps through the same selection.
  const workshopQuery = new URLSearchParams(params);
  workshopQuery.delete(FILTER_PARAMS.after);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterHeading title={t('responses.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
      {report.own && (
        <p className="downloads">
          <a className="button button--small" href={downloadPath(report.year, report.company.slug, 'besvarelser.xlsx', locale)} download>{t('responses.downloadXlsx')}</a>{' '}
          <a className="button button--small" href={downloadPath(report.year, report.company.slug, 'besvarelser.csv', locale)} download>{t('responses.downloadCsv')}</a>
        </p>
      )}
      <form className="filters response-filters" role="search" aria-label={t('responses.filters')} onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.status}>{t('responses.status')}</label>
          <select id={ids.status} value={filters.status ?? ''} onChange={(e) => update({ [FILTER_PARAMS.status]: e.target.value || undefined })}>
            <option value="">{t('responses.allStatuses')}</option>
            <option value="ANSWERED">{t('domain.inquiryStatus.ANSWERED')}</option>
            <option value="UNANSWERED">{t('domain.inquiryStatus.UNANSWERED')}</option>
          </select>
        </div>
        <div className="field field--narrow">
          <label htmlFor={ids.min}>{t('responses.minScore')}</label>
          <input id={ids.min} type="number" min={0} max={100} step="any" inputMode="decimal" value={draft.min} onChange={(e) => setDraft({ ...draft, min: e.target.value })} />
        </div>
        <div className="field field--narrow">
          <label htmlFor={ids.max}>{t('responses.maxScore')}</label>
          <input id={ids.max} type="number" min={0} max={100} step="any" inputMode="decimal" value={draft.max} onChange={(e) => setDraft({ ...draft, max: e.target.value })} />
        </div>
        <div className="field field--grow">
          <label htmlFor={ids.search}>{t('responses.search')}</label>
          <input id={ids.search} type="search" value={draft.search} onChange={(e) => setDraft({ ...draft, search: e.target.value })} />
        </div>
        <div className="field field--buttons">
          <button type="submit" className="button button--primary">
            {t('responses.searchButton')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft({ min: '', max: '', search: '' });
              const next = new URLSearchParams();
              if (report.channel) next.set('kanal', report.channel);
              setParams(next);
            }}
          >
            {t('responses.clear')}
          </button>
        </div>
      </form>
      <ChapterState data={connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() =>
          connection && (
            <>
              <p className="result-count" role="status">
                {t('responses.count', { count: connection.totalCount, formatted: formatNumber(connection.totalCount, 0, locale) })}
              </p>
              {connection.edges.length === 0 && <p className="notice">{t('responses.empty')}</p>}
              <ol className="response-list">
                {connection.edges.map(({ node }) => (
                  <li key={node.id}>
                    <ResponseCard response={node} question={filters.question} />
                    <p>
                      <Link className="button button--small" to={responsePath(report.year, report.company.slug, node.id, workshopQuery)}>
                        {t('responses.workshop')}
                      </Link>
                    </p>
                  </li>
                ))}
              </ol>
              <nav className="pager" aria-label={t('responses.pages')}>
                {filters.after && (
                  <button type="button" className="button" onClick={() => page(undefined)}>
                    {t('responses.previousPage')}
                  </button>
                )}
                {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
                  <button type="button" className="button" onClick={() => page(connection.pageInfo.endCursor ?? undefined)}>
                    {t('responses.nextPage')}
                  </button>
                )}
              </nav>
            </>
          )
        }
      </ChapterState>
    </section>
  );
}
