import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SCORED_AREAS } from '@ksp/shared/domain';
import { areaSegment, CHAPTER_SEGMENT, CHAPTERS, channelQuery, reportPath, type Chapter } from '@web/app/paths';
import type { ReportChapter } from '@web/graphql/generated/graphql';
import type { ReportContext } from '../hooks/useReport';

/** The dashboard's name of each chapter the server may offer (`Report.abilities.chapters`). */
const CHAPTER: Record<ReportChapter, Chapter> = {
  OVERVIEW: 'overview',
  AREAS: 'areas',
  CATEGORIES: 'categories',
  CX: 'cx',
  VARIATION: 'variation',
  INSIGHT: 'insight',
  RESPONSES: 'responses',
  COMPETITORS: 'competitors',
  HISTORY: 'history',
  BACKGROUND: 'background',
};

/** The chapters the server says the viewer may open (`abilities.chapters`), in the order of the participant report. */
export function ChapterNav({ report }: { report: Pick<ReportContext, 'year' | 'company' | 'channel' | 'abilities'> }) {
  const { t } = useTranslation();
  const query = channelQuery(report.channel);
  const to = (sub: string) => reportPath(report.year, report.company.slug, sub, query);
  // In the report's order (CHAPTERS), those the server offers.
  const offered = new Set(report.abilities.chapters.map((name) => CHAPTER[name]));
  return (
    <nav className="chapter-nav" aria-label={t('report.chapters')}>
      <ul>
        {CHAPTERS.filter((chapter) => offered.has(chapter)).map((chapter) =>
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
