import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '@web/app/i18n/useLocale';
import { responsePath } from '@web/app/paths';
import { useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ResponseQuestionsDocument, ResponsesDocument } from './documents';
import { downloadPath } from '../../downloads';
import { FILTER_PARAMS, filterVariables, orderParam, parseFilters } from './params';
import { badInputDetail } from '@web/app/errors';
import { formatDate } from '@ksp/shared/format/date';
import { hasSearchWords, parseDecimal, RESPONSE_ORDERS, type ResponseOrder } from '@ksp/shared/responses/filters';
import { RESPONSES_PAGE_SIZE } from '@ksp/shared/report/first-views';
import { ResponseCard } from './ResponseCard';
import { ResponseQueries } from './ResponseQueries';

/** One page of responses; the first is answered ahead on results day (first-views.ts). */
export const PAGE_SIZE = RESPONSES_PAGE_SIZE;

type FieldKey = 'min' | 'max' | 'search' | 'question' | 'option' | 'from' | 'to' | 'attempts';
/** The form field of a BAD_USER_INPUT's extensions.field. */
const SERVER_FIELD: Record<string, FieldKey> = {
  minScore: 'min',
  maxScore: 'max',
  search: 'search',
  question: 'question',
  option: 'option',
  from: 'from',
  to: 'to',
  attempts: 'attempts',
};
const ATTEMPTS = [1, 2, 3, 4, 5];

/** A score from the URL for the field, written the way the reader writes decimals. */
const scoreText = (value: string | null, locale: string) => (value ?? '').replace(locale === 'nb' ? '.' : ',', locale === 'nb' ? ',' : '.');

/** Chapter 5, the individual responses: filters in the URL, highlighted search matches, paged. */
export default function Responses() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  // The company's own manager may query a response; staff decide queries, they do not ask them.
  const isOwnManager = !report.staff && report.own && report.ownParticipation !== undefined;
  const [questionsResult] = useQuery({
    query: ResponseQuestionsDocument,
    variables: { year: report.year, companySlug: report.company.slug },
  });
  const questions = questionsResult.data?.participation?.report?.performances;
  const chosenQuestion = questions?.find((q) => q.code === filters.question);
  const ids = {
    status: useId(),
    min: useId(),
    max: useId(),
    search: useId(),
    question: useId(),
    option: useId(),
    from: useId(),
    to: useId(),
    attempts: useId(),
    order: useId(),
    error: useId(),
  };
  const draftFromUrl = () => ({
    min: scoreText(params.get(FILTER_PARAMS.minScore), locale),
    max: scoreText(params.get(FILTER_PARAMS.maxScore), locale),
    search: params.get(FILTER_PARAMS.search) ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  });
  const [draft, setDraft] = useState(draftFromUrl);
  /** What the reader typed that we will not send: said beside the field, in the reader's language. */
  const [typed, setTyped] = useState<Partial<Record<FieldKey, string>>>({});

  // What the URL itself asks that the server would refuse (a shared or hand-written link): said
  // beside the field instead of asking. An unknown question is known once the questionnaire is in.
  const fromUrl: Partial<Record<FieldKey, string>> = {};
  if (filters.minScore !== undefined && filters.maxScore !== undefined && filters.minScore > filters.maxScore)
    fromUrl.min = t('responses.minAboveMax');
  if (filters.search && !hasSearchWords(filters.search)) fromUrl.search = t('responses.noSearchWords');
  if (filters.from && filters.to && filters.from > filters.to) fromUrl.from = t('responses.fromAfterTo');
  if (filters.question && questions && !chosenQuestion)
    fromUrl.question = t('responses.unknownQuestion', { code: filters.question, year: report.year });
  const blocked = Object.keys(fromUrl).length > 0;

  const [result, reexecute] = useQuery({
    query: ResponsesDocument,
    variables: { year: report.year, companySlug: report.company.slug, first: PAGE_SIZE, ...filterVariables(filters) },
    // With a question, wait for the questionnaire: an unknown code is then said without asking.
    pause: blocked || (!!filters.question && !questions && !questionsResult.error),
  });
  const connection = result.data?.participation?.report?.responses;
  // The server's refusal, if any, beside its field, in our words.
  const refused = badInputDetail(result.error);
  const fromServer: Partial<Record<FieldKey, string>> = {};
  if (refused && SERVER_FIELD[refused.field]) {
    const specific: Record<string, string> = {
      MIN_ABOVE_MAX: t('responses.minAboveMax'),
      NO_SEARCH_WORDS: t('responses.noSearchWords'),
      FROM_AFTER_TO: t('responses.fromAfterTo'),
      UNKNOWN_QUESTION: t('responses.unknownQuestion', { code: filters.question ?? '', year: report.year }),
      OUT_OF_RANGE: refused.field.endsWith('Score') ? t('responses.invalidScore') : '',
    };
    fromServer[SERVER_FIELD[refused.field]!] =
      specific[refused.reason] ||
      t('errors.badInputField', {
        field: t(`errors.field.${refused.field}` as 'errors.field.search'),
        reason: t(`errors.reason.${refused.reason}` as 'errors.reason.OUT_OF_RANGE'),
      });
  }
  const problems = { ...fromServer, ...fromUrl, ...typed };
  /** aria props of a field with its problem, if it has one. */
  const invalid = (key: FieldKey) => (problems[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${ids.error}-${key}` } : {});
  const problem = (key: FieldKey) =>
    problems[key] && (
      <p id={`${ids.error}-${key}`} className="field__error">
        {problems[key]}
      </p>
    );

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
  /** Checks what was typed before asking: a number 0–100 (decimal comma or point), min not above max, words to search for, days in order. */
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<FieldKey, string>> = {};
    const min = parseDecimal(draft.min);
    const max = parseDecimal(draft.max);
    const bad = (n: number | undefined) => n !== undefined && !(n >= 0 && n <= 100);
    if (bad(min)) found.min = t('responses.invalidScore');
    if (bad(max)) found.max = t('responses.invalidScore');
    if (!found.min && !found.max && min !== undefined && max !== undefined && min > max) found.min = t('responses.minAboveMax');
    if (draft.search.trim() && !hasSearchWords(draft.search)) found.search = t('responses.noSearchWords');
    if (draft.from && draft.to && draft.from > draft.to) found.from = t('responses.fromAfterTo');
    setTyped(found);
    if (Object.keys(found).length > 0) return;
    update({
      [FILTER_PARAMS.minScore]: min === undefined ? undefined : String(min),
      [FILTER_PARAMS.maxScore]: max === undefined ? undefined : String(max),
      [FILTER_PARAMS.search]: draft.search.trim(),
      [FILTER_PARAMS.from]: draft.from,
      [FILTER_PARAMS.to]: draft.to,
    });
  };
  const page = (after: string | undefined) => {
    const next = new URLSearchParams(params);
    if (after) next.set(FILTER_PARAMS.after, after);
    else next.delete(FILTER_PARAMS.after);
    setParams(next);
  };
  /** Removes filters from the URL and their text from the fields. */
  const remove = (keys: (keyof typeof FILTER_PARAMS)[], draftKeys: (keyof typeof draft)[] = []) => {
    update(Object.fromEntries(keys.map((k) => [FILTER_PARAMS[k], undefined])));
    if (draftKeys.length) setDraft({ ...draft, ...Object.fromEntries(draftKeys.map((k) => [k, ''])) });
    setTyped({});
  };
  // Workshop mode keeps the filters (not the page), so it steps through the same selection.
  const workshopQuery = new URLSearchParams(params);
  workshopQuery.delete(FILTER_PARAMS.after);

  const day = (value: string) => formatDate(`${value}T12:00:00Z`, locale);
  const optionLabel = chosenQuestion?.options.find((o) => o.code === filters.option)?.label ?? filters.option;
  const chips: { key: string; label: string; remove: () => void }[] = [];
  if (filters.status)
    chips.push({
      key: 'status',
      label: t('responses.chip.status', { value: t(`domain.inquiryStatus.${filters.status}`) }),
      remove: () => remove(['status']),
    });
  if (filters.question) {
    chips.push({
      key: 'question',
      label: t('responses.chip.question', {
        question: chosenQuestion?.text ?? filters.question,
        answer: optionLabel ?? t('responses.anyAnswer'),
      }),
      remove: () => remove(['question', 'option']),
    });
  }
  if (filters.minScore !== undefined)
    chips.push({
      key: 'min',
      label: t('responses.chip.minScore', { value: formatNumber(filters.minScore, 2, locale) }),
      remove: () => remove(['minScore'], ['min']),
    });
  if (filters.maxScore !== undefined)
    chips.push({
      key: 'max',
      label: t('responses.chip.maxScore', { value: formatNumber(filters.maxScore, 2, locale) }),
      remove: () => remove(['maxScore'], ['max']),
    });
  if (filters.from)
    chips.push({ key: 'from', label: t('responses.chip.from', { value: day(filters.from) }), remove: () => remove(['from'], ['from']) });
  if (filters.to)
    chips.push({ key: 'to', label: t('responses.chip.to', { value: day(filters.to) }), remove: () => remove(['to'], ['to']) });
  if (filters.attempts)
    chips.push({ key: 'attempts', label: t('responses.chip.attempts', { value: filters.attempts }), remove: () => remove(['attempts']) });
  if (filters.search)
    chips.push({
      key: 'search',
      label: t('responses.chip.search', { value: filters.search }),
      remove: () => remove(['search'], ['search']),
    });

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterHeading title={t('responses.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
      {report.abilities.canDownloadResponses && (
        <p className="downloads">
          <a className="button button--small" href={downloadPath(report.year, report.company.slug, 'besvarelser.xlsx', locale)} download>
            {t('responses.downloadXlsx')}
          </a>{' '}
          <a className="button button--small" href={downloadPath(report.year, report.company.slug, 'besvarelser.csv', locale)} download>
            {t('responses.downloadCsv')}
          </a>
        </p>
      )}
      <form className="filters response-filters" role="search" aria-label={t('responses.filters')} onSubmit={submit} noValidate>
        <div className="field field--question">
          <label htmlFor={ids.question}>{t('responses.questionFilter')}</label>
          <select
            id={ids.question}
            value={chosenQuestion ? chosenQuestion.code : ''}
            {...invalid('question')}
            onChange={(e) => update({ [FILTER_PARAMS.question]: e.target.value || undefined, [FILTER_PARAMS.option]: undefined })}
          >
            <option value="">{t('responses.anyQuestion')}</option>
            {questions?.map((q) => (
              <option key={q.code} value={q.code}>
                {q.text}
              </option>
            ))}
          </select>
          {problem('question')}
          {fromUrl.question && (
            <button type="button" className="button button--small" onClick={() => remove(['question', 'option'])}>
              {t('responses.removeQuestion')}
            </button>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.option}>{t('responses.optionFilter')}</label>
          <select
            id={ids.option}
            value={filters.option ?? ''}
            disabled={!chosenQuestion}
            {...invalid('option')}
            onChange={(e) => update({ [FILTER_PARAMS.option]: e.target.value || undefined })}
          >
            <option value="">{t('responses.anyOption')}</option>
            {chosenQuestion?.options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
          {problem('option')}
        </div>
        <div className="field field--narrow-select">
          <label htmlFor={ids.status}>{t('responses.status')}</label>
          <select
            id={ids.status}
            value={filters.status ?? ''}
            onChange={(e) => update({ [FILTER_PARAMS.status]: e.target.value || undefined })}
          >
            <option value="">{t('responses.allStatuses')}</option>
            <option value="ANSWERED">{t('domain.inquiryStatus.ANSWERED')}</option>
            <option value="UNANSWERED">{t('domain.inquiryStatus.UNANSWERED')}</option>
          </select>
        </div>
        <div className="field field--narrow-select">
          <label htmlFor={ids.attempts}>{t('responses.attemptsFilter')}</label>
          <select
            id={ids.attempts}
            value={filters.attempts ?? ''}
            {...invalid('attempts')}
            onChange={(e) => update({ [FILTER_PARAMS.attempts]: e.target.value || undefined })}
          >
            <option value="">{t('responses.anyAttempts')}</option>
            {ATTEMPTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {problem('attempts')}
        </div>
        <div className="field">
          <label htmlFor={ids.order}>{t('responses.orderBy')}</label>
          <select
            id={ids.order}
            value={filters.orderBy ?? 'CONTACTED_AT_ASC'}
            onChange={(e) => update({ [FILTER_PARAMS.orderBy]: orderParam(e.target.value as ResponseOrder) })}
          >
            {RESPONSE_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`responses.order.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--narrow">
          <label htmlFor={ids.min}>{t('responses.minScore')}</label>
          <input
            id={ids.min}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft.min}
            {...invalid('min')}
            onChange={(e) => setDraft({ ...draft, min: e.target.value })}
          />
          {problem('min')}
        </div>
        <div className="field field--narrow">
          <label htmlFor={ids.max}>{t('responses.maxScore')}</label>
          <input
            id={ids.max}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft.max}
            {...invalid('max')}
            onChange={(e) => setDraft({ ...draft, max: e.target.value })}
          />
          {problem('max')}
        </div>
        <div className="field field--date">
          <label htmlFor={ids.from}>{t('responses.fromDate')}</label>
          <input
            id={ids.from}
            type="date"
            value={draft.from}
            {...invalid('from')}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          {problem('from')}
        </div>
        <div className="field field--date">
          <label htmlFor={ids.to}>{t('responses.toDate')}</label>
          <input id={ids.to} type="date" value={draft.to} {...invalid('to')} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          {problem('to')}
        </div>
        <div className="field field--grow">
          <label htmlFor={ids.search}>{t('responses.search')}</label>
          <input
            id={ids.search}
            type="search"
            value={draft.search}
            {...invalid('search')}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
          />
          {problem('search')}
        </div>
        <div className="field field--buttons">
          <button type="submit" className="button button--primary">
            {t('responses.searchButton')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft({ min: '', max: '', search: '', from: '', to: '' });
              setTyped({});
              const next = new URLSearchParams();
              if (report.channel) next.set('kanal', report.channel);
              setParams(next);
            }}
          >
            {t('responses.clear')}
          </button>
        </div>
      </form>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label={t('responses.activeFilters')}>
          {chips.map((chip) => (
            <li key={chip.key}>
              <span>{chip.label}</span>
              <button
                type="button"
                className="filter-chips__remove"
                aria-label={t('responses.removeFilter', { filter: chip.label })}
                onClick={chip.remove}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {blocked && (
        <p className="notice" role="status">
          {t('responses.fixFilters')}
        </p>
      )}
      {!blocked && (
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
                      <ResponseQueries
                        year={report.year}
                        company={report.company.slug}
                        inquiryId={node.id}
                        queries={node.queries}
                        canAsk={isOwnManager}
                      />
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
      )}
    </section>
  );
}
