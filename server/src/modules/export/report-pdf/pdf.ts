import type { GraphQLSchema } from 'graphql';
import { CHANNELS, formatNumber, formatPercent, type Channel, type Locale, type ScoredArea } from '@ksp/shared';
import {
  groupedBarsOption,
  heatmapOption,
  heatmapWithFigures,
  historyOption,
  numberFormat,
  rankedBarsOption,
  spreadOption,
  type ChartOption,
  type GroupedSeries,
  type HeatmapCell,
  type SpreadGroup,
  type SpreadValues,
} from '@ksp/shared/charts/index';
import type { Context } from '@server/context.js';
import { formatShortDate } from '@ksp/shared/format/date';
import { formatInterval, formatRankRange } from '@ksp/shared/format/uncertainty';
import { renderChartSvg, wrapLabel } from './charts.js';
import { FORBIDDEN, isNumber, loadReportData, WITHHELD, type Num, type ReportData, type Spread } from './data.js';
import { ReportLayout } from './layout.js';
import { PDF_TEXTS, type PdfTexts } from './texts.js';

/** Charts are rendered this wide (px) and scaled to the text width: 12 px labels print at about 9.5 pt. */
const CHART_W = 600;

const numberOrNull = (v: Num | undefined): number | null => (isNumber(v) ? v : null);

/** The participant report of one participation as a PDF, as the context's viewer may read it; null when it may not. */
export async function reportPdf(schema: GraphQLSchema, ctx: Context, year: number, slug: string, locale: Locale): Promise<Buffer | null> {
  const data = await loadReportData(schema, ctx, year, slug);
  return data ? renderReport(data, locale) : null;
}

/** Lays out the chapters of domain.md "The participant report" from the data the viewer may read. */
export async function renderReport(data: ReportData, locale: Locale): Promise<Buffer> {
  const t = PDF_TEXTS[locale];
  const r = new ReportBuilder(data, t);
  r.cover();
  r.layout.reserveContents();
  r.total();
  for (const area of data.areas ?? []) r.area(area.area);
  r.categories();
  r.cx();
  r.variation();
  r.background();
  r.competitors();
  r.history();
  return r.layout.finish(`${data.editionName} · ${data.company.name}`, t.page, t.contents);
}

class ReportBuilder {
  readonly layout: ReportLayout;
  private readonly channels: Channel[];
  /** A competitor's report: aggregates only (the own-only sections came back refused). */
  private readonly competitorView: boolean;

  constructor(
    private readonly d: ReportData,
    private readonly t: PdfTexts,
  ) {
    this.layout = new ReportLayout({
      title: `${t.report} ${d.company.name}, ${d.editionName}`,
      author: 'KSP – Kundeserviceprisen',
      lang: t.locale === 'nb' ? 'nb-NO' : 'en-GB',
    });
    const seen = new Set((d.total?.byChannel ?? []).map((c) => c.channel));
    this.channels = CHANNELS.filter((c) => seen.has(c));
    this.competitorView = d.inquiries === undefined;
  }

  private pct = (v: Num | undefined, decimals = 2): string =>
    v === WITHHELD ? this.t.tooFew : v === FORBIDDEN ? this.t.notShown : formatPercent(v ?? null, decimals, this.t.locale);
  private num = (v: Num | undefined, decimals = 2): string =>
    v === WITHHELD ? this.t.tooFew : v === FORBIDDEN ? this.t.notShown : formatNumber(v ?? null, decimals, this.t.locale);
  private int = (v: Num | undefined): string => (isNumber(v) ? String(v) : this.num(v, 0));

  private chart(option: ChartOption, height: number): void {
    this.layout.chart(renderChartSvg(option, CHART_W, height), CHART_W, height);
  }

  private text(title: string, valueAxis = this.t.chart.valueAxis) {
    // Only a competitor's report withholds figures; in the own report a bar without a value has no
    // basis, and "too few inquiries" would be untrue ("–" then, the builders' default).
    return {
      title,
      valueAxis,
      locale: this.t.locale,
      missingLabel: this.competitorView ? this.t.tooFew : undefined,
      meanLabel: this.t.col.classMean,
    };
  }

  /**
   * A heatmap cell: the score; the reason in words where the grant withheld or refused it; null
   * ("–") where the question does not apply to the channel (absent from byChannel) or has no score
   * there (every answer "not applicable").
   */
  private cell = (v: Num | undefined): HeatmapCell => (v === WITHHELD ? this.t.tooFew : v === FORBIDDEN ? this.t.notShown : (v ?? null));

  cover(): void {
    const { layout, d, t } = this;
    const doc = layout.doc;
    layout.page();
    doc.rect(0, 0, doc.page.width, 230).fill('#0b4f8a');
    doc.fillColor('#ffffff').font('Inter-SemiBold').fontSize(14).text('KSP – Kundeserviceprisen', layout.left, 70, { width: layout.width });
    doc.font('Inter-Bold').fontSize(30).text(d.company.name, layout.left, 100, { width: layout.width });
    doc.font('Inter').fontSize(14).text(`${t.report} · ${d.editionName}`, { width: layout.width });
    doc.fillColor('#1b1f24');
    doc.y = 270;
    const last = d.head.lastYearTotal;
    const rows: [string, string][] = [
      [t.cover.edition, d.editionName],
      [t.cover.class, d.className],
      [t.cover.total, this.pct(d.head.total)],
      [t.cover.rank, d.rank === null ? '–' : `${d.rank} ${t.cover.of(d.listSize)}`],
      [t.cover.classRank, d.classRank === null ? '–' : `${d.classRank} ${t.cover.of(d.classSize)}`],
      [t.cover.lastYear, last === null ? t.cover.notInLastYear : this.pct(last)],
      ...this.certaintyRow(),
    ];
    for (const [label, value] of rows) {
      const y = doc.y;
      doc.font('Inter').fontSize(12).fillColor('#4a5260').text(label, layout.left, y, { width: 200 });
      doc
        .font('Inter-SemiBold')
        .fontSize(12)
        .fillColor('#1b1f24')
        .text(value, layout.left + 200, y, { width: layout.width - 200 });
      doc
        .moveTo(layout.left, doc.y + 4)
        .lineTo(layout.left + layout.width, doc.y + 4)
        .lineWidth(0.4)
        .strokeColor('#c9cfd8')
        .stroke();
      doc.y += 10;
    }
    // The own report says, in one line, that responses were corrected after publication and when last.
    const corrections = d.corrections ?? [];
    if (corrections.length > 0) {
      doc.moveDown(1);
      layout.paragraph(t.cover.corrected(corrections.length, formatShortDate(corrections[0]!.at, t.locale)), '#8a4b00');
    }
    if (this.competitorView) {
      doc.moveDown(1);
      layout.paragraph(t.cover.competitorNote, '#4a5260');
    }
  }

  /**
   * One cover line on how sure the total and its ranks are (domain.md "Uncertainty"): the 95 %
   * interval and the rank intervals, "81,06–86,94 %, plass 2–9 totalt, plass 1–3 i klassen".
   * None without an interval (fewer than 2 inquiries).
   */
  private certaintyRow(): [string, string][] {
    const { d, t } = this;
    const u = d.uncertainty;
    if (!u || u.low === null || u.high === null) return [];
    const interval = formatInterval(u.low, u.high, t.locale)!;
    return [
      [
        t.cover.certainty,
        t.cover.certaintyValue(
          interval,
          formatRankRange(u.rankLow, u.rankHigh, t.locale),
          formatRankRange(u.classRankLow, u.classRankHigh, t.locale),
        ),
      ],
    ];
  }

  total(): void {
    const { layout, d, t } = this;
    if (!d.total) return;
    layout.chapter(t.chapters.total, t.intro.total);
    const own = { label: t.col.total, value: numberOrNull(d.head.total), own: true };
    const byChannel = d.total.byChannel.map((c) => ({ label: t.channel[c.channel], value: numberOrNull(c.total) }));
    this.chart(
      rankedBarsOption([own, ...byChannel], numberOrNull(d.total.classMean), this.text(t.chart.byChannel)),
      60 + 34 * (byChannel.length + 1),
    );
    layout.table(
      [
        { label: t.col.channel, width: 0.6 },
        { label: t.col.score, width: 0.4, align: 'right' },
      ],
      [
        [t.col.total, this.pct(d.head.total)],
        ...d.total.byChannel.map((c) => [t.channel[c.channel], this.pct(c.total)]),
        [t.col.classMean, this.pct(d.total.classMean)],
        [t.cover.lastYear, d.head.lastYearTotal === null ? t.cover.notInLastYear : this.pct(d.head.lastYearTotal)],
      ],
      { bold: (i) => i === 0 },
    );

    const members = d.total.classBenchmark;
    layout.heading(t.chart.classBenchmark);
    this.chart(
      rankedBarsOption(
        members.map((m) => ({ label: m.company.name, value: numberOrNull(m.total), own: m.company.slug === d.company.slug })),
        numberOrNull(d.total.classMean),
        { ...this.text(t.chart.classBenchmark), titleInChart: false },
      ),
      40 + 26 * members.length,
    );
    layout.table(
      [
        { label: t.col.rank, width: 0.12, align: 'right' },
        { label: t.col.company, width: 0.58 },
        { label: t.col.total, width: 0.3, align: 'right' },
      ],
      members.map((m, i) => [String(i + 1), m.company.name, this.pct(m.total)]),
      { bold: (i) => members[i]!.company.slug === d.company.slug },
    );

    layout.heading(t.chart.spreadByChannel);
    const groups: SpreadGroup[] = [
      {
        label: t.col.all,
        spread: spreadValues(d.total.variation.total),
        points: d.inquiries?.map((q) => ({ id: q.id, score: numberOrNull(q.score) })),
      },
      ...d.total.variation.byChannel.map((c) => ({
        label: t.channel[c.channel],
        spread: spreadValues(c.spread),
        points: d.inquiries?.filter((q) => q.channel === c.channel).map((q) => ({ id: q.id, score: numberOrNull(q.score) })),
      })),
    ];
    this.chart(spreadOption(groups, { ...this.text(t.chart.spreadByChannel), titleInChart: false, labels: this.spreadLabels() }), 300);
    this.spreadTable([
      [t.col.all, d.total.variation.total],
      ...d.total.variation.byChannel.map((c) => [t.channel[c.channel], c.spread] as [string, Spread]),
    ]);
  }

  private spreadLabels() {
    const c = this.t.col;
    return {
      min: c.min,
      q1: c.q1,
      median: c.median,
      q3: c.q3,
      max: c.max,
      mean: c.mean,
      stdDev: c.stdDev,
      count: c.count,
      inquiry: this.t.chart.inquiry,
      meanSd: this.t.chart.meanSd,
    };
  }

  private spreadTable(rows: [string, Spread][]): void {
    const c = this.t.col;
    const keys = ['min', 'q1', 'median', 'q3', 'max', 'mean', 'stdDev'] as const;
    // Order statistics are single inquiries' scores: a competitor's come back refused and are left out.
    const shown = keys.filter((k) => rows.some(([, s]) => s[k] !== FORBIDDEN));
    const w = 0.75 / (shown.length + 1);
    this.layout.table(
      [
        { label: c.group, width: 0.25 },
        { label: c.count, width: w, align: 'right' },
        ...shown.map((k) => ({ label: c[k], width: w, align: 'right' as const })),
      ],
      rows.map(([label, s]) => [label, this.int(s.count), ...shown.map((k) => (k === 'stdDev' ? this.num(s[k]) : this.pct(s[k])))]),
    );
  }

  area(area: ScoredArea): void {
    const { layout, d, t } = this;
    const a = d.areas!.find((x) => x.area === area)!;
    const name = t.area[area];
    layout.chapter(t.chapters.area(name), t.intro.area);
    const bench = d.areasClass?.find((x) => x.area === area)?.classBenchmark;
    layout.table(
      [
        { label: t.col.channel, width: 0.6 },
        { label: t.col.score, width: 0.4, align: 'right' },
      ],
      [
        [t.col.total, this.pct(a.score)],
        ...a.byChannel.map((c) => [t.channel[c.channel], this.pct(c.score)]),
        ...(bench ? [[t.col.classMean, this.pct(bench.mean)]] : []),
      ],
      { bold: (i) => i === 0 },
    );
    if (bench) {
      this.chart(
        rankedBarsOption(
          bench.members.map((m) => ({ label: m.company.name, value: numberOrNull(m.score), own: m.company.slug === d.company.slug })),
          numberOrNull(bench.mean),
          this.text(t.chart.areaBenchmark(name)),
        ),
        60 + 24 * bench.members.length,
      );
    }

    const perfs = a.performances.filter((p) => p.scored);
    if (!perfs.length) return;
    layout.heading(t.chart.performances);
    const withClass = perfs.some((p) => p.classScore !== FORBIDDEN);
    const series: GroupedSeries[] = [
      { name: d.company.name, values: perfs.map((p) => numberOrNull(p.score)), own: true },
      ...(withClass ? [{ name: t.col.classScore, values: perfs.map((p) => numberOrNull(p.classScore)) }] : []),
    ];
    // Charts name a question by its short label, in two lines within the label room of the charts
    // (240 and 260 px in the shared builders), shortened from the end beyond that; the table under
    // the charts gives the full text and figures of both.
    // Room for two-line labels and two value labels a row; a long list (12) a little tighter, so it
    // still fits under the class benchmark rather than leaving half that page blank.
    const row = withClass ? (perfs.length > 8 ? 31 : 38) : 30;
    this.chart(
      groupedBarsOption(
        perfs.map((p) => wrapLabel(p.shortLabel, 236)),
        series,
        { ...this.text(t.chart.performances), titleInChart: false, horizontal: true },
      ),
      56 + perfs.length * row,
    );
    const channels = this.channels.filter((c) => perfs.some((p) => p.byChannel.some((b) => b.channel === c)));
    // The performances by channel next, so the table under them gives the full text and figures of both charts.
    if (channels.length > 1) {
      layout.heading(t.chart.perfByChannel);
      // Rows without a single figure (a question asked only on channels not tested) are left out.
      const heat = heatmapWithFigures(
        perfs.map((p) => wrapLabel(p.shortLabel, 256)),
        channels.map((c) => t.channel[c]),
        perfs.map((p) => channels.map((c) => this.cell(p.byChannel.find((x) => x.channel === c)?.score))),
      );
      this.chart(
        heatmapOption(heat.rows, heat.columns, heat.values, {
          title: t.chart.perfByChannel,
          titleInChart: false,
          valueLabel: t.col.score,
          locale: t.locale,
        }),
        90 + heat.rows.length * 34,
      );
    }
    const fixed = withClass ? 0.13 * 2 : 0.13;
    const chW = channels.length ? Math.min(0.13, (1 - 0.36 - fixed) / channels.length) : 0;
    const textW = 1 - fixed - chW * channels.length;
    layout.table(
      [
        { label: t.col.performance, width: textW },
        { label: t.col.score, width: 0.13, align: 'right' },
        ...(withClass ? [{ label: t.col.classScore, width: 0.13, align: 'right' as const }] : []),
        ...channels.map((c) => ({ label: t.channel[c], width: chW, align: 'right' as const })),
      ],
      perfs.map((p) => [
        p.text,
        this.pct(p.score),
        ...(withClass ? [this.pct(p.classScore)] : []),
        ...channels.map((c) => {
          const b = p.byChannel.find((x) => x.channel === c);
          return b ? this.pct(b.score) : '–';
        }),
      ]),
    );
  }

  categories(): void {
    const { layout, d, t } = this;
    if (!d.categories?.length) return;
    layout.chapter(t.chapters.categories, t.intro.categories);
    const classMean = (c: string) => d.categoriesClass?.find((x) => x.category === c)?.classBenchmark.mean;
    const labels = d.categories.map((c) => t.category[c.category]);
    // Horizontal: two value labels side by side over a narrow upright bar ran into each other.
    this.chart(
      groupedBarsOption(
        labels,
        [
          { name: d.company.name, values: d.categories.map((c) => numberOrNull(c.score)), own: true },
          ...(d.categoriesClass ? [{ name: t.col.classMean, values: d.categories.map((c) => numberOrNull(classMean(c.category))) }] : []),
        ],
        { ...this.text(t.chart.categories), horizontal: true },
      ),
      100 + labels.length * (d.categoriesClass ? 40 : 30),
    );
    const w = 0.6 / (2 + this.channels.length);
    layout.table(
      [
        { label: t.col.category, width: 0.4 },
        { label: t.col.score, width: w, align: 'right' },
        ...(d.categoriesClass ? [{ label: t.col.classMean, width: w, align: 'right' as const }] : []),
        ...this.channels.map((c) => ({ label: t.channel[c], width: w, align: 'right' as const })),
      ],
      d.categories.map((c) => [
        t.category[c.category],
        this.pct(c.score),
        ...(d.categoriesClass ? [this.pct(classMean(c.category))] : []),
        ...this.channels.map((ch) => this.pct(c.byChannel.find((b) => b.channel === ch)?.score ?? null)),
      ]),
    );
  }

  cx(): void {
    const { layout, d, t } = this;
    const cx = d.cx;
    if (!cx) return;
    layout.chapter(t.chapters.cx, t.intro.cx);
    const means = ['csatMean', 'cesMean', 'ves1Mean', 'ves2Mean'] as const;
    this.chart(
      groupedBarsOption(
        means.map((m) => t.cx[m]),
        [
          { name: d.company.name, values: means.map((m) => numberOrNull(cx[m])), own: true },
          ...(d.cxClass ? [{ name: t.col.classMean, values: means.map((m) => numberOrNull(d.cxClass![m])) }] : []),
        ],
        { ...this.text(t.chart.cxMeans, t.col.mean), format: numberFormat(t.locale), max: 7 },
      ),
      280,
    );
    const measures = ['csatMean', 'csatTop2Share', 'cesMean', 'nps', 'ves1Mean', 'ves2Mean'] as const;
    const w = 0.6 / (2 + this.channels.length);
    const show = (m: (typeof measures)[number], v: Num | undefined) =>
      m === 'csatTop2Share' ? this.pct(v) : m === 'nps' ? this.num(v, 1) : this.num(v);
    layout.table(
      [
        { label: t.col.measure, width: 0.4 },
        { label: t.col.own, width: w, align: 'right' },
        ...(d.cxClass ? [{ label: t.col.classMean, width: w, align: 'right' as const }] : []),
        ...this.channels.map((c) => ({ label: t.channel[c], width: w, align: 'right' as const })),
      ],
      measures.map((m) => [
        t.cx[m],
        show(m, cx[m]),
        ...(d.cxClass ? [show(m, d.cxClass[m])] : []),
        ...this.channels.map((c) => show(m, cx.byChannel.find((b) => b.channel === c)?.[m] ?? null)),
      ]),
    );
    // NPS: the share of detractors, passives and promoters, all together and by channel.
    layout.heading(t.chart.nps);
    const groups = [
      { label: t.col.all, dist: cx.npsDistribution },
      ...cx.byChannel.map((b) => ({ label: t.channel[b.channel], dist: b.npsDistribution })),
    ];
    const share = (part: Num, count: Num) => (isNumber(part) && isNumber(count) && count > 0 ? (100 * part) / count : null);
    const g = t.chart.npsGroups;
    this.chart(
      groupedBarsOption(
        groups.map((x) => x.label),
        [
          { name: g.detractors, values: groups.map((x) => share(x.dist.detractors, x.dist.count)), colour: '#D55E00' },
          { name: g.passives, values: groups.map((x) => share(x.dist.passives, x.dist.count)), colour: '#8a94a3' },
          { name: g.promoters, values: groups.map((x) => share(x.dist.promoters, x.dist.count)), colour: '#009E73' },
        ],
        { ...this.text(t.chart.nps, t.col.share), titleInChart: false, stacked: true, horizontal: true },
      ),
      70 + 40 * groups.length,
    );
    layout.table(
      [
        { label: t.col.group, width: 0.28 },
        { label: t.col.answers, width: 0.18, align: 'right' },
        { label: g.detractors, width: 0.18, align: 'right' },
        { label: g.passives, width: 0.18, align: 'right' },
        { label: g.promoters, width: 0.18, align: 'right' },
      ],
      groups.map((x) => [
        x.label,
        this.int(x.dist.count),
        ...(['detractors', 'passives', 'promoters'] as const).map((k) => {
          const v = x.dist[k];
          return isNumber(v) && isNumber(x.dist.count) ? this.pct(share(v, x.dist.count)) : this.int(v);
        }),
      ]),
    );
  }

  variation(): void {
    const { layout, d, t } = this;
    const v = d.variation;
    if (!v) return;
    layout.chapter(t.chapters.variation, t.intro.variation);
    this.chart(
      spreadOption(
        v.areas.map((a) => ({ label: t.area[a.area], spread: spreadValues(a.spread) })),
        { ...this.text(t.chart.spreadByArea), labels: this.spreadLabels() },
      ),
      300,
    );
    this.spreadTable(v.areas.map((a) => [t.area[a.area], a.spread]));
    if (v.widestPerformances.length) {
      layout.heading(t.widest);
      layout.table(
        [
          { label: t.col.performance, width: 0.46 },
          { label: t.col.area, width: 0.18 },
          { label: t.col.answers, width: 0.1, align: 'right' },
          { label: t.col.score, width: 0.13, align: 'right' },
          { label: t.col.stdDev, width: 0.13, align: 'right' },
        ],
        v.widestPerformances.map((p) => [
          p.text,
          p.area === 'CX' ? 'CX' : t.area[p.area],
          this.int(p.answers),
          this.pct(p.score),
          this.num(p.stdDev),
        ]),
      );
    }
  }

  background(): void {
    const { layout, d, t } = this;
    const b = d.background;
    if (!b) return;
    layout.chapter(t.chapters.background, t.intro.background);
    if (b.rolePlays.length) {
      layout.heading(t.background.rolePlays);
      layout.table(
        [
          { label: t.background.rolePlays, width: 0.3 },
          { label: '', width: 0.7 },
        ],
        b.rolePlays.map((r) => [r.title, r.description]),
      );
    }
    layout.heading(t.background.channels);
    const total = b.inquiriesByChannel.reduce((s, c) => s + c.count, 0);
    layout.table(
      [
        { label: t.col.channel, width: 0.6 },
        { label: t.col.inquiries, width: 0.4, align: 'right' },
      ],
      [
        ...b.inquiriesByChannel.map((c) => [t.channel[c.channel], String(c.count)]),
        [t.col.total, String(total)],
        [t.background.unanswered, String(b.unanswered)],
      ],
    );
    const people = b.observerGenders.reduce((s, c) => s + c.count, 0);
    layout.heading(t.background.genders);
    layout.table(
      [
        { label: t.col.gender, width: 0.5 },
        { label: t.col.count, width: 0.25, align: 'right' },
        { label: t.col.share, width: 0.25, align: 'right' },
      ],
      b.observerGenders.map((g) => [t.gender[g.gender], String(g.count), this.pct(people ? (100 * g.count) / people : null, 0)]),
    );
    layout.heading(t.background.ageBands);
    this.chart(
      groupedBarsOption(
        b.observerAgeBands.map((a) => a.band),
        [{ name: t.col.count, values: b.observerAgeBands.map((a) => a.count), own: true }],
        {
          ...this.text(t.chart.ageBands, t.col.count),
          titleInChart: false,
          format: numberFormat(t.locale, 0),
          max: Math.max(1, ...b.observerAgeBands.map((a) => a.count)),
        },
      ),
      220,
    );
    layout.table(
      [
        { label: t.col.band, width: 0.5 },
        { label: t.col.count, width: 0.25, align: 'right' },
        { label: t.col.share, width: 0.25, align: 'right' },
      ],
      b.observerAgeBands.map((a) => [a.band, String(a.count), this.pct(people ? (100 * a.count) / people : null, 0)]),
    );
  }

  competitors(): void {
    const { layout, d, t } = this;
    const list = d.competitors;
    if (!list?.length) return;
    layout.chapter(t.chapters.competitors, t.intro.competitors);
    const areas = (d.areas ?? []).map((a) => a.area);
    const ownRow = { name: d.company.name, total: d.head.total, areas: d.areas ?? [], categories: d.categories ?? [], cx: d.cx, own: true };
    const rows = [
      ownRow,
      ...list.map((c) => ({
        name: c.company.name,
        total: c.report?.total ?? FORBIDDEN,
        areas: c.report?.areas ?? [],
        categories: c.report?.categories ?? [],
        cx: c.report?.cx,
        own: false,
      })),
    ];
    const labels = [t.col.total, ...areas.map((a) => t.area[a])];
    this.chart(
      groupedBarsOption(
        labels,
        rows.map((row) => ({
          name: row.name,
          own: row.own,
          values: [numberOrNull(row.total), ...areas.map((a) => numberOrNull(row.areas.find((x) => x.area === a)?.score))],
        })),
        { ...this.text(t.chart.competitors), horizontal: true },
      ),
      120 + rows.length * 5 * 16,
    );
    const w = 0.72 / (1 + areas.length);
    layout.table(
      [
        { label: t.col.company, width: 0.28 },
        { label: t.col.total, width: w, align: 'right' },
        ...areas.map((a) => ({ label: t.area[a], width: w, align: 'right' as const })),
      ],
      rows.map((row) => [row.name, this.pct(row.total), ...areas.map((a) => this.pct(row.areas.find((x) => x.area === a)?.score ?? null))]),
      { bold: (i) => i === 0 },
    );
    const cats = (d.categories ?? []).map((c) => c.category);
    if (cats.length) {
      const cw = 0.72 / cats.length;
      layout.table(
        [{ label: t.col.company, width: 0.28 }, ...cats.map((c) => ({ label: t.category[c], width: cw, align: 'right' as const }))],
        rows.map((row) => [row.name, ...cats.map((c) => this.pct(row.categories.find((x) => x.category === c)?.score ?? null))]),
        { bold: (i) => i === 0 },
      );
    }
    layout.table(
      [
        { label: t.col.company, width: 0.38 },
        { label: t.cx.csatMean, width: 0.2, align: 'right' },
        { label: t.cx.cesMean, width: 0.2, align: 'right' },
        { label: t.cx.nps, width: 0.22, align: 'right' },
      ],
      rows.map((row) => [
        row.name,
        this.num(row.cx?.csatMean ?? null),
        this.num(row.cx?.cesMean ?? null),
        this.num(row.cx?.nps ?? null, 1),
      ]),
      { bold: (i) => i === 0 },
    );
  }

  history(): void {
    const { layout, d, t } = this;
    if (!d.history) return;
    layout.chapter(t.chapters.history, t.intro.history);
    const entries = [
      { year: d.year, className: d.className, total: d.head.total, areas: d.areas?.map((a) => ({ area: a.area, score: a.score })) ?? null },
      // An earlier edition whose report was not bought: its total only (areas come back refused).
      ...d.history.map((h) => ({ ...h, areas: Array.isArray(h.areas) ? h.areas : null })),
    ].sort((a, b) => a.year - b.year);
    const areas = (d.areas ?? []).map((a) => a.area);
    const years = entries.map((e) => e.year);
    const history = historyOption(
      years,
      [
        { name: t.col.total, values: entries.map((e) => numberOrNull(e.total)), own: true },
        ...areas.map((a) => ({ name: t.area[a], values: entries.map((e) => numberOrNull(e.areas?.find((x) => x.area === a)?.score)) })),
      ],
      { ...this.text(t.chart.history), yearAxis: t.chart.yearAxis },
    );
    // historyOption leaves room for as many legend rows as the names take at the chart's width
    // (five names take two here), so nothing is added by hand.
    this.chart(history, 340);
    const w = 0.7 / (1 + areas.length);
    layout.table(
      [
        { label: t.col.year, width: 0.1 },
        { label: t.col.className, width: 0.2 },
        { label: t.col.total, width: w, align: 'right' },
        ...areas.map((a) => ({ label: t.area[a], width: w, align: 'right' as const })),
      ],
      entries.map((e) => [
        String(e.year),
        e.className,
        this.pct(e.total),
        ...areas.map((a) => (e.areas ? this.pct(e.areas.find((x) => x.area === a)?.score ?? null) : t.notShown)),
      ]),
    );
  }
}

function spreadValues(s: Spread): SpreadValues {
  return {
    min: numberOrNull(s.min),
    q1: numberOrNull(s.q1),
    median: numberOrNull(s.median),
    q3: numberOrNull(s.q3),
    max: numberOrNull(s.max),
    mean: numberOrNull(s.mean),
    stdDev: numberOrNull(s.stdDev),
    count: numberOrNull(s.count),
  };
}
