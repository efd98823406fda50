import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber } from '@ksp/shared/format/number';
import { groupedBarsOption, numberFormat } from '@ksp/shared/charts/index';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { BackgroundDocument } from './documents';

/** Chapter 6, background: role plays, channels and the observers' gender and age mix. */
export default function Background() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({ query: BackgroundDocument, variables: { year: report.year, companySlug: report.company.slug } });
  const bg = result.data?.participation?.report?.background;

  useEffect(() => {
    document.title = t('report.documentTitle', {
      chapter: t('report.chapter.background'),
      company: report.company.name,
      year: report.year,
    });
  }, [t, report]);

  const count = (n: number) => formatNumber(n, 0, locale);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={bg} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!bg) return null;
          // A round top for the count axis, so its ticks read 0, 5, 10 …
          const maxCount =
            Math.ceil(Math.max(1, ...bg.observerAgeBands.map((b) => b.count), ...bg.observerGenders.map((g) => g.count)) / 5) * 5;
          return (
            <>
              <ChapterHeading title={t('background.heading')} />
              {report.channel && <p className="notice notice--info">{t('report.allChannelsOnly')}</p>}
              <div className="background-grid">
                <section aria-labelledby="roleplays-heading" className="panel">
                  <h3 id="roleplays-heading">{t('background.rolePlays')}</h3>
                  <dl className="roleplays">
                    {bg.rolePlays.map((r) => (
                      <div key={r.title}>
                        <dt>{r.title}</dt>
                        <dd>{r.description}</dd>
                      </div>
                    ))}
                  </dl>
                </section>
                <section aria-labelledby="channels-heading" className="panel">
                  <h3 id="channels-heading">{t('background.inquiries')}</h3>
                  <table className="data-table">
                    <caption className="visually-hidden">{t('background.inquiries')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('report.channel')}</th>
                        <th scope="col" className="num">
                          {t('background.count')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {bg.inquiriesByChannel.map((c) => (
                        <tr key={c.channel}>
                          <th scope="row">{t(`domain.channel.${c.channel}`)}</th>
                          <td className="num">{count(c.count)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">{t('background.unanswered')}</th>
                        <td className="num">{count(bg.unanswered)}</td>
                      </tr>
                    </tbody>
                  </table>
                </section>
              </div>
              <div className="figure-grid">
                <ChartFigure
                  title={t('background.genders')}
                  use={BARS}
                  height="14rem"
                  option={groupedBarsOption(
                    bg.observerGenders.map((g) => t(`domain.gender.${g.gender}`)),
                    [{ name: t('background.count'), values: bg.observerGenders.map((g) => g.count), own: true }],
                    {
                      title: t('background.genders'),
                      valueAxis: t('background.count'),
                      locale,
                      titleInChart: false,
                      horizontal: true,
                      max: maxCount,
                      format: numberFormat(locale, 0),
                    },
                  )}
                  table={{
                    columns: [t('background.genders'), t('background.count')],
                    rows: bg.observerGenders.map((g) => ({ key: g.gender, cells: [t(`domain.gender.${g.gender}`), count(g.count)] })),
                  }}
                />
                <ChartFigure
                  title={t('background.ages')}
                  use={BARS}
                  height="14rem"
                  option={groupedBarsOption(
                    bg.observerAgeBands.map((b) => b.band),
                    [{ name: t('background.count'), values: bg.observerAgeBands.map((b) => b.count), own: true }],
                    {
                      title: t('background.ages'),
                      valueAxis: t('background.count'),
                      locale,
                      titleInChart: false,
                      max: maxCount,
                      format: numberFormat(locale, 0),
                    },
                  )}
                  table={{
                    columns: [t('background.band'), t('background.count')],
                    rows: bg.observerAgeBands.map((b) => ({ key: b.band, cells: [b.band, count(b.count)] })),
                  }}
                />
              </div>
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}
