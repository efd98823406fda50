import { useEffect, useId } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '../../app/i18n/useLocale';
import { FilterSelect } from '../../app/FilterSelect';
import { NoDataYet } from '../../app/NoDataYet';
import { ObserverPoolDocument } from './graphql';
import { PoolSummary } from './PoolSummary';
import { PoolTable } from './PoolTable';

const SEARCH_PARAM = 'sok';
const QUALITY_PARAM = 'kvalitet'; // `ja`: passes the threshold, `nei`: does not
const WEEK_PARAM = 'uke';
const PAGE_PARAM = 'side'; // 1-based
export const POOL_PAGE_SIZE = 50;

/**
 * Staff: the observer pool seen for one edition (/drift/:year/observatorer): who passes the
 * quality threshold, who is free in which fieldwork week, which participants each may not be
 * sent to, and how many assignments each has. Search, filters and page live in the URL; the
 * server searches and pages (some 6,000 observers), the summary covers the whole pool.
 */
export default function ObserverPool() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [params, setParams] = useSearchParams();
  const search = params.get(SEARCH_PARAM) ?? '';
  const quality = params.get(QUALITY_PARAM);
  const passesQuality = quality === 'ja' ? true : quality === 'nei' ? false : null;
  const weekParam = Number(params.get(WEEK_PARAM));
  const week = Number.isInteger(weekParam) && weekParam >= 1 && weekParam <= 53 ? weekParam : null;
  const pageParam = Number(params.get(PAGE_PARAM));
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam : 1;
  const searchId = useId();
  const [result, reexecute] = useQuery({
    query: ObserverPoolDocument,
    variables: {
      year,
      search: search.trim() || null,
      passesQuality,
      availableInWeek: week,
      first: POOL_PAGE_SIZE,
      offset: (page - 1) * POOL_PAGE_SIZE,
    },
    pause: !Number.isInteger(year),
  });
  const pool = result.data?.observers;
  const heading = t('observers.heading', { year });

  /** A filter changed: back to the first page. */
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== PAGE_PARAM) next.delete(PAGE_PARAM);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    document.title = `${heading} – KSP`;
  }, [heading]);

  let body;
  if (!pool) {
    body = <NoDataYet error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} loading={t('observers.loading')} />;
  } else {
    const pages = Math.max(1, Math.ceil(pool.total / POOL_PAGE_SIZE));
    body = (
      <>
        <PoolSummary pool={pool} />
        <div className="filters">
          <div className="field field--grow">
            <label htmlFor={searchId}>{t('observers.search')}</label>
            <input id={searchId} type="search" value={search} onChange={(e) => setParam(SEARCH_PARAM, e.target.value)} />
          </div>
          <FilterSelect
            label={t('observers.quality')}
            value={quality}
            all={t('observers.qualityAll')}
            options={[
              { value: 'ja', label: t('observers.qualityPasses') },
              { value: 'nei', label: t('observers.qualityFails') },
            ]}
            onChange={(v) => setParam(QUALITY_PARAM, v)}
          />
          <FilterSelect
            label={t('observers.availableIn')}
            value={week}
            all={t('observers.anyWeek')}
            options={pool.fieldworkWeeks.map((w) => ({ value: w, label: t('observers.columns.week', { week: w }) }))}
            onChange={(v) => setParam(WEEK_PARAM, v)}
          />
        </div>
        <p className="result-count" role="status">
          {t('observers.count', { count: pool.total, formatted: formatNumber(pool.total, 0, locale) })}
        </p>
        {pool.items.length > 0 ? (
          <PoolTable pool={pool} caption={t('observers.table', { year })} />
        ) : (
          <p className="notice">{t('observers.empty')}</p>
        )}
        {pages > 1 && (
          <nav className="pager" aria-label={t('observers.pages')}>
            {page > 1 && (
              <button type="button" className="button" onClick={() => setParam(PAGE_PARAM, String(page - 1))}>
                {t('observers.previousPage')}
              </button>
            )}
            <span>{t('observers.pageOf', { page: formatNumber(page, 0, locale), pages: formatNumber(pages, 0, locale) })}</span>
            {page < pages && (
              <button type="button" className="button" onClick={() => setParam(PAGE_PARAM, String(page + 1))}>
                {t('observers.nextPage')}
              </button>
            )}
          </nav>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="observers-heading">
      <h1 id="observers-heading">{heading}</h1>
      {body}
    </section>
  );
}
