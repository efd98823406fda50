import { Suspense, useMemo } from 'react';
import { Outlet, useLocation, useParams, useSearchParams } from 'react-router';
import { ErrorBoundary } from '@web/app/ErrorBoundary';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { Channel } from '@ksp/shared/domain';
import { ReportShellDocument } from '../graphql/shell';
import { CHANNEL_PARAM, CHAPTER_SEGMENT, parseChannel } from '@web/app/paths';
import { isStaff, ownParticipation, useMe } from '@web/app/session/useMe';
import { errorKind } from '@web/app/errors';
import { ErrorMessage } from '@web/app/ErrorMessage';
import { NoAccess } from '@web/app/NoAccess';
import { NotFoundPage } from '@web/app/NotFoundPage';
import type { ReportContext } from '../hooks/useReport';
import { ChapterNav } from './ChapterNav';
import { ChannelFilter } from './ChannelFilter';
import { downloadPath } from '../downloads';
import { useLocale } from '@web/app/i18n/useLocale';
import { ParticipantSwitcher } from './ParticipantSwitcher';
import { NotTested } from './NotTested';
import { PreliminaryNotice } from './PreliminaryNotice';

/**
 * Chapters that still say something narrowed to a channel the company was not tested on: the
 * competitors may have been tested on it (the own column says it was not), and history is
 * never narrowed. Every other chapter would be empty axes, so the notice stands in for it.
 */
const SHOWN_UNTESTED = [CHAPTER_SEGMENT.competitors, CHAPTER_SEGMENT.history];

/** The participant dashboard: who and which edition, the chapters, the channel filter, and the chapter itself. */
export function ReportLayout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const params = useParams<{ year: string; company: string }>();
  const [search] = useSearchParams();
  const location = useLocation();
  const year = Number(params.year);
  const slug = params.company ?? '';
  const validYear = Number.isInteger(year) && year > 1900;
  const { me } = useMe();
  const [result, reexecute] = useQuery({ query: ReportShellDocument, variables: { year, companySlug: slug }, pause: !validYear });
  const channel = parseChannel(search.get(CHANNEL_PARAM));
  const participation = result.data?.participation;

  const context = useMemo((): ReportContext | undefined => {
    if (!participation?.report) return undefined;
    const { abilities } = participation.report;
    return {
      year,
      company: participation.company,
      className: participation.className,
      channel,
      channels: participation.report.byChannel.map((c) => c.channel as Channel),
      own: abilities.ownReport,
      staff: isStaff(me),
      abilities,
      ownParticipation: ownParticipation(me, year, participation.company.slug),
    };
  }, [participation, me, year, channel]);

  if (!validYear) return <NotFoundPage />;
  if (!context) {
    if (result.error) {
      const kind = errorKind(result.error);
      if (kind === 'forbidden') {
        // The company's own manager is refused only when that edition's report was not bought:
        // say so and how to get it, not a generic refusal.
        const own = ownParticipation(me, year, slug);
        return <NoAccess signedIn={!!me} notBought={own && !own.reportPurchased ? year : undefined} />;
      }
      if (kind === 'notFound') {
        return (
          <p className="notice" role="status">
            {t('report.notFound', { company: slug, year })}
          </p>
        );
      }
      return <ErrorMessage error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    }
    return (
      <p className="notice" role="status">
        {t('report.loading')}
      </p>
    );
  }

  const untested = channel !== undefined && !context.channels.includes(channel);
  const chapterSegment = location.pathname.split('/').filter(Boolean)[3] ?? '';
  const notTested = untested && (
    <NotTested
      company={context.company.name}
      year={year}
      channel={channel}
      channels={context.channels}
      level={SHOWN_UNTESTED.includes(chapterSegment) ? 3 : 2}
    />
  );

  const edition = result.data?.edition;

  return (
    <div className="report">
      {edition && <PreliminaryNotice edition={edition.name} status={edition.status} />}
      <div className="report__head">
        <div>
          <h1 className="report__title">{t('report.heading', { company: context.company.name })}</h1>
          <p className="report__subtitle">{t('report.subheading', { year, className: context.className })}</p>
        </div>
        <div className="report__tools">
          {context.staff && <ParticipantSwitcher year={year} company={context.company.slug} />}
          <ChannelFilter channels={context.channels} channel={channel} />
          {/* The report as PDF where the server says it may be downloaded (a competitor's: aggregates only). */}
          {context.abilities.canDownloadPdf && (
            <a className="button button--small" href={downloadPath(year, context.company.slug, 'rapport.pdf', locale)} download>
              {t('report.downloadPdf')}
            </a>
          )}
        </div>
      </div>
      {!context.own && <p className="notice notice--info">{t('report.competitorNote')}</p>}
      <div className="report__body">
        <ChapterNav report={context} />
        <div className="report__chapter">
          <Suspense
            fallback={
              <p className="notice" role="status">
                {t('report.loadingChapter')}
              </p>
            }
          >
            <ErrorBoundary resetKey={location.pathname}>
              {notTested && !SHOWN_UNTESTED.includes(chapterSegment) ? (
                notTested
              ) : (
                <>
                  {notTested}
                  <Outlet context={context} />
                </>
              )}
            </ErrorBoundary>
          </Suspense>
        </div>
      </div>
    </div>
  );
}
