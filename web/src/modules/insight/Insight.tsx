import CommentInsight from './CommentWords';
import { RankCertainty } from './RankCertainty';
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatGap, formatNumber, formatPercent } from '@ksp/shared/format/number';
import { importanceQuadrantOption, keyDriversOption } from '@ksp/shared/charts/index';
import type { Channel } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { INSIGHT_CHARTS } from '@web/app/charts/insight';
import { parseChannel } from '@web/app/paths';
import { TableScroll } from '@web/app/TableScroll';
import { reportVariables, useReport } from '../report/hooks/useReport';
import { ChapterHeading, ChapterState } from '../report/components/ChapterState';
import { ChartFigure } from '../report/components/ChartFigure';
import type { CxMeasure } from '@web/graphql/generated/graphql';
import { InsightDocument } from './documents';
import { channelQuadrant } from './quadrant';

const OUTCOMES: readonly CxMeasure[] = ['NPS', 'CSAT'];
/** Query parameters of the chapter's own choices (`kanal` stays the report's narrowing). */
const OUTCOME_PARAM = 'utfall';
const DRIVER_CHANNEL_PARAM = 'driverkanal';

/** A weight (share of the outcome's variance, 0–1) as a percentage of it: `21,4 %`. */
export const formatWeight = (weight: number | null | undefined, locale: 'nb' | 'en') =>
  formatPercent(weight === null || weight === undefined ? weight : 100 * weight, 1, locale);

/**
 * The insight chapter (`/rapport/:year/:company/innsikt`): how sure the rank is (placed by the
 * lead), what drives the customer experience in the edition, what to improve first, and the
 * importance × performance quadrant. Own report only (the server offers the chapter only there).
 */
export default function Insight() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [params, setParams] = useSearchParams();
  const outcome: CxMeasure = params.get(OUTCOME_PARAM) === 'CSAT' ? 'CSAT' : 'NPS';
  // Narrowed, the drivers are the channel's; otherwise one of the channels the company was tested on.
  const asked = parseChannel(params.get(DRIVER_CHANNEL_PARAM));
  const driverChannel: Channel | undefined =
    report.channel ?? (asked && report.channels.includes(asked) ? asked : undefined) ?? report.channels[0];
  const [result, reexecute] = useQuery({
    query: InsightDocument,
    variables: { ...reportVariables(report), driverChannel: driverChannel ?? 'PHONE', outcome },
    pause: driverChannel === undefined,
  });
  const outcomeId = useId();
  const channelId = useId();

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.insight'), company: report.company.name, year: report.year });
  }, [t, report]);

  const choose = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const outcomeName = t(`insight.outcome${outcome}`);
  const channelName = driverChannel ? t(`domain.channel.${driverChannel}`) : '';
  const data = result.data;

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterHeading title={t('insight.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
      <p className="explanation">{t('insight.intro', { year: report.year })}</p>
      {/* How sure the total and its ranks are: always the published all-channel total. */}
      {data?.participation?.report?.total != null && (
        <RankCertainty total={data.participation.report.total} uncertainty={data.participation.report.uncertainty} headingLevel={2} />
      )}
      <div className="filters">
        <div className="field">
          <label htmlFor={outcomeId}>{t('insight.outcome')}</label>
          <select id={outcomeId} value={outcome} onChange={(e) => choose(OUTCOME_PARAM, e.target.value)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`insight.outcome${o}`)}
              </option>
            ))}
          </select>
        </div>
        {!report.channel && report.channels.length > 1 && (
          <div className="field">
            <label htmlFor={channelId}>{t('insight.channel')}</label>
            <select id={channelId} value={driverChannel} onChange={(e) => choose(DRIVER_CHANNEL_PARAM, e.target.value)}>
              {report.channels.map((c) => (
                <option key={c} value={c}>
                  {t(`domain.channel.${c}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          const own = data.participation?.report;
          const byCode = new Map((own?.performances ?? []).map((p) => [p.code, p]));
          const label = (code: string) => byCode.get(code)?.shortLabel ?? code;
          const text = (code: string) => byCode.get(code)?.text ?? code;
          const analysis = data.keyDrivers;
          const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
          // The quadrant is of the drivers' channel: its performances at their weights there.
          const quadrant = driverChannel
            ? channelQuadrant(
                own?.performanceImportance ?? [],
                new Map((own?.performances ?? []).map((p) => [p.code, p.channels])),
                driverChannel,
                analysis?.rSquared == null ? [] : analysis.drivers,
              )
            : [];
          const quadrantTitle = t('insight.quadrantHeading', { channel: channelName });
          return (
            <div className="insight-panels">
              {analysis && (
                <section className="panel" aria-labelledby="drivers-heading">
                  <h3 id="drivers-heading">{t('insight.driversHeading', { outcome: outcomeName, channel: channelName })}</h3>
                  <p className="explanation">
                    {t('insight.driversIntro', { outcome: outcomeName, channel: channelName, year: report.year })}
                  </p>
                  {analysis.rSquared === null || analysis.rSquared === undefined ? (
                    <p className="notice">
                      {t('insight.tooFew', {
                        channel: channelName,
                        outcome: outcomeName,
                        inquiries: formatNumber(analysis.inquiries, 0, locale),
                      })}
                    </p>
                  ) : (
                    <>
                      <p>
                        {t('insight.driversSummary', {
                          share: formatPercent(100 * analysis.rSquared, 1, locale),
                          outcome: outcomeName,
                          inquiries: formatNumber(analysis.inquiries, 0, locale),
                        })}
                      </p>
                      <ChartFigure
                        title={t('insight.driversHeading', { outcome: outcomeName, channel: channelName })}
                        labelledBy="drivers-heading"
                        use={INSIGHT_CHARTS}
                        height={`${Math.max(14, analysis.drivers.length * 1.7 + 5)}rem`}
                        option={keyDriversOption(
                          analysis.drivers.map((d) => ({
                            label: label(d.questionCode),
                            weight: d.weight,
                            low: d.low ?? null,
                            high: d.high ?? null,
                          })),
                          {
                            title: t('insight.driversHeading', { outcome: outcomeName, channel: channelName }),
                            valueAxis: t('insight.weight'),
                            intervalLabel: t('insight.interval'),
                            locale,
                            titleInChart: false,
                          },
                        )}
                        note={<p className="explanation">{t('insight.intervalNote')}</p>}
                        table={{
                          columns: [t('insight.performance'), t('insight.weight'), t('insight.interval')],
                          rows: analysis.drivers.map((d) => ({
                            key: d.questionCode,
                            cells: [
                              text(d.questionCode),
                              formatWeight(d.weight, locale),
                              d.low === null || d.low === undefined || d.high === null || d.high === undefined
                                ? '–'
                                : `${formatWeight(d.low, locale)} – ${formatWeight(d.high, locale)}`,
                            ],
                          })),
                        }}
                      />
                    </>
                  )}
                </section>
              )}
              {own && (
                <section className="panel" aria-labelledby="improve-heading">
                  <h3 id="improve-heading">{t('insight.improveHeading')}</h3>
                  <p className="explanation">
                    {report.channel
                      ? t('insight.improveIntroChannel', { outcome: outcomeName, channel: t(`domain.channel.${report.channel}`) })
                      : t('insight.improveIntro', { outcome: outcomeName })}
                  </p>
                  {own.improveFirst.length === 0 ? (
                    <p>{t('insight.improveNone', { outcome: outcomeName })}</p>
                  ) : (
                    <TableScroll label={t('insight.improveHeading')}>
                      <table className="data-table">
                        <caption className="visually-hidden">{t('insight.improveHeading')}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('insight.performance')}</th>
                            {(['own', 'classScore', 'gap', 'weight', 'priority'] as const).map((column) => (
                              <th key={column} scope="col" className="num">
                                {t(`insight.${column}`)}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {own.improveFirst.map((p) => (
                            <tr key={p.questionCode}>
                              <th scope="row">{text(p.questionCode)}</th>
                              <td className="num">{pct(p.score)}</td>
                              <td className="num">{pct(p.classScore)}</td>
                              <td className="num">{formatGap(p.score - p.classScore, locale)}</td>
                              <td className="num">{formatWeight(p.weight, locale)}</td>
                              <td className="num">{formatNumber(p.priority, 2, locale)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                  )}
                  <p className="explanation">{t('insight.priorityExplained')}</p>
                </section>
              )}
              {own && driverChannel && (
                <section className="panel" aria-labelledby="quadrant-heading">
                  <h3 id="quadrant-heading">{quadrantTitle}</h3>
                  <p className="explanation">
                    {t(report.channel ? 'insight.quadrantIntroChannel' : 'insight.quadrantIntro', {
                      outcome: outcomeName,
                      channel: channelName,
                    })}
                  </p>
                  {quadrant.length === 0 ? (
                    <p>{t('insight.quadrantEmpty', { outcome: outcomeName, channel: channelName })}</p>
                  ) : (
                    <ChartFigure
                      title={quadrantTitle}
                      labelledBy="quadrant-heading"
                      use={INSIGHT_CHARTS}
                      height="28rem"
                      option={importanceQuadrantOption(
                        quadrant.map((p) => ({
                          label: label(p.questionCode),
                          weight: p.weight,
                          gap: p.score - p.classScore,
                        })),
                        {
                          title: quadrantTitle,
                          xAxis: t('insight.quadrantX'),
                          yAxis: t('insight.quadrantY'),
                          below: t('insight.below'),
                          above: t('insight.above'),
                          meanWeight: t('insight.meanWeight'),
                          classLevel: t('insight.classLevel'),
                          locale,
                          titleInChart: false,
                        },
                      )}
                      table={{
                        columns: [t('insight.performance'), t('insight.weight'), t('insight.quadrantY')],
                        rows: quadrant.map((p) => ({
                          key: p.questionCode,
                          cells: [text(p.questionCode), formatWeight(p.weight, locale), formatGap(p.score - p.classScore, locale)],
                        })),
                      }}
                    />
                  )}
                </section>
              )}
              <CommentInsight report={report} />
            </div>
          );
        }}
      </ChapterState>
    </section>
  );
}
