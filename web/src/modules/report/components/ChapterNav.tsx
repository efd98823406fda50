import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SCORED_AREAS } from '@ksp/shared/domain';
import { areaSegment, CHAPTER_SEGMENT, CHAPTERS, channelQuery, reportPath, type Chapter } from '../../../app/paths';
import type { ReportContext } from '../hooks/useReport';

/** The chapters, in the order of the participant report; own-report chapters only where they can open. */
export function ChapterNav({ report }: { report: ReportContext }) {
  const { t } = useTranslation();
  const query = channelQuery(report.channel);
  const to = (sub: string) => reportPath(report.year, report.company.slug, sub, query);
  const competitors = report.staff || (report.ownParticipation?.tier === 'KONKURRENT' && report.ownParticipation.reportPurchased);
  const shown: Record<Chapter, boolean> = {
    overview: true, areas: true, categories: true, cx: true, variation: true,
    responses: report.own, competitors: report.own && competitors, history: report.own, background: report.own,
  };
  return (
    <nav className="chapter-nav" aria-label={t('report.chapters')}>
      <ul>
        {CHAPTERS.filter((chapter) => shown[chapter]).map((chapter) =>
          chapter === 'areas' ? (
            <li key={chapter} className="chapter-nav__group">
              <span className="chapter-nav__label">{t('report.chapter.areas')}</span>
              <ul>
                {SCORED_AREAS.map((area) => (
                  <li key={area}>
                    <NavLink to={to(areaSegment(area))}>{t(`domain.area.${area}`)}</NavLink>
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={chapter}>
              <NavLink to={to(CHAPTER_SEGMENT[chapter])} end={chapter === 'overview'}>
                {t(`report.chapter.${chapter}`)}
              </NavLink>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
