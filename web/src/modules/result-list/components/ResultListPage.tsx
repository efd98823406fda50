import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@ksp/shared/format/number';
import { matchesSearch } from '@ksp/shared/search/fold';
import { ErrorMessage } from '@web/app/ErrorMessage';
import { useLocale } from '@web/app/i18n/useLocale';
import type { EditionSummary } from '../graphql/documents';
import { pickEdition, useEditions } from '../hooks/useEditions';
import { useResultList, type Sort, type SortKey } from '../hooks/useResultList';
import { useLastYear } from '../hooks/useLastYear';
import { useMe } from '@web/app/session/useMe';
import { reportPath } from '@web/app/paths';
import { useResultListParams } from '../hooks/useResultListParams';
import { ResultFilters } from './ResultFilters';
import { ResultTable } from './ResultTable';
import { ClassCaterpillars } from './ClassCaterpillars';

/** `/` (the newest published edition) and `/resultater/:year?klasse=…`. */
export function ResultListPage() {
  const { t } = useTranslation();
  const params = useResultListParams();
  const editions = useEditions();
  const edition = editions.editions ? pickEdition(editions.editions, params.yearParam) : undefined;

  useEffect(() => {
    document.title = edition ? t('resultList.documentTitle', { edition: edition.name }) : t('app.title');
  }, [edition, t]);

  let body;
  if (!editions.editions) {
    body = editions.error ? (
      <ErrorMessage error={editions.error} onRetry={editions.retry} />
    ) : (
      <p className="notice" role="status">
        {t('resultList.loadingEditions')}
      </p>
    );
  } else if (editions.editions.length === 0) {
    body = <p className="notice">{t('resultList.noEditions')}</p>;
  } else {
    body = (
      <>
        <ResultFilters
          edition={edition}
          className={params.className}
          onClassChange={(next) => edition && params.selectClass(edition, next)}
          search={params.search}
          onSearchChange={params.setSearch}
        />
        {edition ? (
          <Results
            edition={edition}
            editions={editions.editions}
            className={params.className}
            search={params.search}
            sort={params.sort}
            onSort={params.sortBy}
          />
        ) : (
          <p className="notice" role="status">
            {t('resultList.unknownEdition', { year: params.yearParam })}
          </p>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="result-list-heading">
      <h1 id="result-list-heading">{edition ? t('resultList.heading', { edition: edition.name }) : t('resultList.headingPlain')}</h1>
      {body}
    </section>
  );
}

/** The list of one edition: loading, error, empty, or the count, the table and what the total means. */
function Results({
  edition,
  editions,
  className,
  search,
  sort,
  onSort,
}: {
  edition: EditionSummary;
  editions: readonly EditionSummary[];
  className: string | undefined;
  search: string;
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { rows: allRows, fetching, error, retry } = useResultList(edition.year, className);
  const lastYear = useLastYear(editions, edition);
  const { me } = useMe();
  // The dashboards the viewer may open from the list (the server still decides): staff any,
  // a manager the own (report bought) and its chosen competitors of that edition.
  const own = me?.company ? me.participations.find((p) => p.year === edition.year) : undefined;
  const linkFor = (slug: string): string | undefined => {
    if (me?.role === 'STAFF') return reportPath(edition.year, slug);
    if (!own || !me?.company || !own.reportPurchased) return undefined;
    return slug === me.company.slug || own.competitors.some((c) => c.slug === slug) ? reportPath(edition.year, slug) : undefined;
  };
  // Folded (shared/src/search/fold.ts): "aerfugl" finds "Ærfugl", whatever the keyboard.
  const rows = allRows && search.trim() ? allRows.filter((r) => matchesSearch(r.company.name, search)) : allRows;

  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (!rows) {
    return (
      <p className="notice" role="status">
        {t('resultList.loading')}
      </p>
    );
  }
  if (rows.length === 0) {
    return (
      <p className="notice" role="status">
        {t('resultList.empty')}
      </p>
    );
  }
  return (
    <>
      <p className="result-count" role="status">
        {t('resultList.count', { count: rows.length, formatted: formatNumber(rows.length, 0, locale) })}
      </p>
      <ResultTable
        rows={rows}
        byClass={className !== undefined}
        caption={
          className
            ? t('resultList.captionClass', { edition: edition.name, className })
            : t('resultList.caption', { edition: edition.name })
        }
        locale={locale}
        busy={fetching}
        lastYear={lastYear}
        sort={sort}
        onSort={onSort}
        linkFor={linkFor}
        ownSlug={me?.company?.slug}
      />
      <p className="explanation">
        {t('resultList.explanation')}
        {className && <> {t('resultList.explanationClass')}</>}
      </p>
      <p className="explanation">
        {t('uncertainty.explanation')} {t('uncertainty.explanationInterval')}
      </p>
      {allRows && <ClassCaterpillars rows={allRows} locale={locale} className={className} ownSlug={me?.company?.slug} />}
    </>
  );
}
