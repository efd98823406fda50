import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SCORED_AREAS } from '@ksp/shared/domain';
import { areaSegment, CHAPTER_SEGMENT, channelQuery, reportPath } from '../../../app/paths';
import type { ReportContext } from '../hooks/useReport';

/** The chapters, in the order of the participant report; own-report chapters only where they can open. */
export function ChapterNav({ report }: { report: ReportContext }) {
  const { t } = useTranslation();
  const query = channelQuery(report.channel);
  const to = (sub: string) => reportPath(report.year, report.company.slug, sub, query);
  const competitors = report.staff || (report.ownParticipation?.tier === 'KONKURRENT' && report.ownParticipation.reportPurchased);
  return (
    <nav className="chapter-nav" aria-label={t('report.chapters')}>
      <ul>
        <li>
          <NavLink to={to(CHAPTER_SEGMENT.overview)} end>
            {t('report.chapter.overview')}
          </NavLink>
        </li>
        <li className="chapter-nav__group">
          <span className="chapter-nav__label">{t('report.chapter.areas')}</span>
          <ul>
            {SCORED_AREAS.map((area) => (
              <li key={area}>
                <NavLink to={to(areaSegment(area))}>{t(`domain.area.${area}`)}</NavLink>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <NavLink to={to(CHAPTER_SEGMENT.categories)}>{t('report.chapter.categories')}</NavLink>
        </li>
        <li>
          <NavLink to={to(CHAPTER_SEGMENT.cx)}>{t('report.chapter.cx')}</NavLink>
        </li>
        <li>
          <NavLink to={to(CHAPTER_SEGMENT.variation)}>{t('report.chapter.variation')}</NavLink>
        </li>
        {report.own && (
          <li>
            <NavLink to={to(CHAPTER_SEGMENT.responses)}>{t('report.chapter.responses')}</NavLink>
          </li>
        )}
        {report.own && competitors && (
          <li>
            <NavLink to={to(CHAPTER_SEGMENT.competitors)}>{t('report.chapter.competitors')}</NavLink>
          </li>
        )}
        {report.own && (
          <li>
            <NavLink to={to(CHAPTER_SEGMENT.history)}>{t('report.chapter.history')}</NavLink>
          </li>
        )}
        {report.own && (
          <li>
            <NavLink to={to(CHAPTER_SEGMENT.background)}>{t('report.chapter.background')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
