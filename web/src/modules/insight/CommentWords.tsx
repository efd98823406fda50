import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { Channel } from '@ksp/shared/domain';
import { COMMENT_AREAS, type CommentArea } from '@ksp/shared/insight/comment-areas';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '@web/app/i18n/useLocale';
import { CHANNEL_PARAM, reportPath } from '@web/app/paths';
import { ErrorMessage } from '@web/app/ErrorMessage';
import type { AreaSentimentItemFragment, CommentWordItemFragment } from '@web/graphql/generated/graphql';
import { FILTER_PARAMS } from '../report/chapters/responses/params';
import { CommentInsightDocument } from './documents';

export interface CommentWordsReport {
  year: number;
  company: { slug: string };
  channel?: Channel | undefined;
}

/**
 * The responses that use a word: the responses chapter searching for it (`?sok=`), on the
 * report's channel. The word is the spelling the comments use most, which the full-text search
 * stems as the word counts were stemmed, so every inflection is found.
 */
export function wordSearchPath(report: CommentWordsReport, word: string): string {
  return reportPath(report.year, report.company.slug, 'besvarelser', {
    ...(report.channel ? { [CHANNEL_PARAM]: report.channel } : {}),
    [FILTER_PARAMS.search]: word,
  });
}

/** A chip's size from its z: 1 rem, growing to 1,8 rem at |z| = 4 and beyond (a clear difference). */
export const chipSize = (z: number) => `${(1 + (0.8 * Math.min(Math.abs(z), 4)) / 4).toFixed(2)}rem`;

/** The words of one area as chips sized by z, each a link to its responses, and the area's sentiment. Pure: give it the data. */
export function CommentWordsView({
  report,
  area,
  words,
  sentiment,
}: {
  report: CommentWordsReport;
  area: CommentArea;
  words: CommentWordItemFragment[];
  sentiment: AreaSentimentItemFragment | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const group = (direction: 'MORE' | 'LESS') => {
    const list = words.filter((w) => w.direction === direction);
    if (list.length === 0) return null;
    const id = `comment-words-${area}-${direction}`;
    return (
      <div className="comment-words__group">
        <h5 id={id}>{t(direction === 'MORE' ? 'commentInsight.more' : 'commentInsight.less')}</h5>
        <ul className="comment-words__chips" aria-labelledby={id}>
          {list.map((w) => {
            const counts = { word: w.word, own: w.ownCount, rest: w.classCount, z: formatNumber(w.zScore, 2, locale) };
            return (
              <li key={w.term}>
                <Link
                  className={`comment-word comment-word--${direction.toLowerCase()}`}
                  style={{ fontSize: chipSize(w.zScore) }}
                  to={wordSearchPath(report, w.word)}
                  title={t('commentInsight.wordTitle', counts)}
                  aria-label={t('commentInsight.wordLabel', counts)}
                >
                  {w.word}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    );
  };
  return (
    <section className="comment-words" aria-labelledby={`comment-words-${area}`}>
      <h4 id={`comment-words-${area}`}>{t(`domain.area.${area}`)}</h4>
      {words.length === 0 ? (
        <p>{t('commentInsight.noWords')}</p>
      ) : (
        <>
          {group('MORE')}
          {group('LESS')}
        </>
      )}
      <h5>{t('commentInsight.sentimentHeading')}</h5>
      <p className="comment-words__sentiment">
        {sentiment && sentiment.mean !== null
          ? t('commentInsight.sentiment', {
              own: formatNumber(sentiment.mean, 2, locale),
              class: formatNumber(sentiment.classMean, 2, locale),
              count: sentiment.comments,
            })
          : t('commentInsight.noSentiment')}
      </p>
    </section>
  );
}

/** What the comments of one area say, loaded for the report (own report only; the server refuses a competitor). */
export function CommentWords({ report, area }: { report: CommentWordsReport; area: CommentArea }) {
  const [result] = useQuery({
    query: CommentInsightDocument,
    variables: { year: report.year, companySlug: report.company.slug, area, ...(report.channel ? { channel: report.channel } : {}) },
  });
  if (result.error) return <ErrorMessage error={result.error} />;
  const data = result.data?.participation?.report;
  if (!data) return null;
  return (
    <CommentWordsView
      report={report}
      area={area}
      words={data.commentWords}
      sentiment={data.commentSentiment.find((s) => s.area === area)}
    />
  );
}

/**
 * The comments part of the insight page: one panel, like the page's other parts, with what the
 * words mean said once on top, each area side by side where there is room (so a manager can set
 * them against each other), and the method once at the end rather than under every area.
 */
export default function CommentInsight({ report }: { report: CommentWordsReport }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="comment-insight-heading">
      <h3 id="comment-insight-heading">{t('commentInsight.heading')}</h3>
      <p className="explanation">{t('commentInsight.intro')}</p>
      <div className="comment-words-grid">
        {/* In the order the report reads them. */}
        {COMMENT_AREAS.map((area) => (
          <CommentWords key={area} report={report} area={area} />
        ))}
      </div>
      <p className="explanation">{t('commentInsight.method')}</p>
    </section>
  );
}
