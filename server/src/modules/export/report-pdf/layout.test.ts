import { describe, expect, it } from 'vitest';
import { groupedBarsOption, heatmapOption, spreadOption } from '@ksp/shared/charts/index';
import { fitLabel, measureChartText, renderChartSvg, wrapLabel } from './charts.js';
import { ReportLayout } from './layout.js';

const LONG = 'Hvordan opplevde du tonefallet og stemmebruken i starten av samtalen?';
const NYTTET = 'Nyttet det å ringe kundeservice, eller måtte du ta kontakt flere ganger for å få hjelp?';

/** Every text of an SVG with where its left edge falls (x of the anchor less its width for end-anchored text). */
function textsOf(svg: string): { text: string; left: number }[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, text]) => {
    const size = Number(/font-size:(\d+(?:\.\d+)?)px/.exec(attrs!)?.[1] ?? 12);
    const bold = /font-weight:(bold|[6-9]00)/.test(attrs!);
    const translate = /translate\(([-\d.]+)/.exec(attrs!);
    const x = Number(/ x="([-\d.]+)"/.exec(attrs!)?.[1] ?? 0) + Number(translate?.[1] ?? 0);
    const width = measureChartText(text!, `${bold ? 'bold ' : ''}${size}px Inter`).width;
    const anchor = /text-anchor="(\w+)"/.exec(attrs!)?.[1] ?? 'start';
    return { text: text!, left: anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x };
  });
}

describe('PDF chart labels', () => {
  it('shortens a long label from its end, at a word, with an ellipsis', () => {
    const short = fitLabel(LONG, 200);
    expect(short).toMatch(/…$/);
    expect(LONG.startsWith(short.slice(0, -1))).toBe(true);
    expect(LONG.charAt(short.length - 1)).toBe(' ');
    expect(measureChartText(short, '12px Inter').width).toBeLessThanOrEqual(200);
    expect(fitLabel('Chat', 200)).toBe('Chat');
  });

  it('wraps a label into two lines that each fit, the second shortened where the text goes on', () => {
    const wrapped = wrapLabel(NYTTET, 236).split('\n');
    expect(wrapped).toHaveLength(2);
    expect(NYTTET.startsWith(wrapped[0]!)).toBe(true);
    expect(wrapped[1]).toMatch(/…$/);
    expect(`${wrapped.join(' ').slice(0, -1)}`).toBe(NYTTET.slice(0, wrapped.join(' ').length - 1));
    for (const line of wrapped) expect(measureChartText(line, '12px Inter').width).toBeLessThanOrEqual(236);
    expect(wrapLabel('Fikk du svar innen 1 virkedag?', 236)).toBe('Fikk du svar innen 1 virkedag?');
  });

  it('draws no label of a chart left of its edge (the first letters were clipped: "yttet")', () => {
    const labels = [NYTTET, LONG, 'Presenterte kundebehandleren seg med navn og ga en god første hilsen?'];
    const bars = renderChartSvg(
      groupedBarsOption(
        labels,
        [
          { name: 'Alfa', values: [80, 70, 60], own: true },
          { name: 'Klassen', values: [75, 72, 66] },
        ],
        { title: 'Prestasjonene', valueAxis: 'Resultat (%)', locale: 'nb', titleInChart: false, horizontal: true },
      ),
      600,
      200,
    );
    const heat = renderChartSvg(
      heatmapOption(
        labels,
        ['Telefon', 'E-post'],
        [
          [80, 70],
          [60, null],
          [50, 40],
        ],
        { title: 'Per kanal', titleInChart: false, valueLabel: 'Resultat', locale: 'nb' },
      ),
      600,
      200,
    );
    for (const svg of [bars, heat]) {
      const texts = textsOf(svg);
      expect(texts.length).toBeGreaterThan(6);
      for (const t of texts) expect([t.text, t.left >= 0]).toEqual([t.text, true]);
      // Too long for its room: cut at the end (ECharts' "..."), so what shows is the start of the text.
      const shown = texts.filter((t) => t.text.startsWith('Nyttet det'));
      expect(shown).toHaveLength(1);
      expect(shown[0]!.text).toMatch(/(…|\.\.\.)$/);
    }
  });

  it('names every area under the variation box plot', () => {
    const spread = { min: 30, q1: 55, median: 70, q3: 85, max: 100, mean: 70, stdDev: 15, count: 25 };
    const areas = ['Svar- og ventetid', 'Mottak og velkomst', 'Kundebehandleren', 'Totalinntrykk'];
    const svg = renderChartSvg(
      spreadOption(
        areas.map((label) => ({ label, spread })),
        {
          title: 'Spredning per område',
          valueAxis: 'Resultat (%)',
          locale: 'nb',
          labels: {
            min: 'Min',
            q1: 'Q1',
            median: 'Median',
            q3: 'Q3',
            max: 'Maks',
            mean: 'Snitt',
            stdDev: 'Std.avvik',
            count: 'Antall',
            inquiry: 'Henvendelse',
            meanSd: 'Snitt ± std.avvik',
          },
        },
      ),
      600,
      300,
    );
    // A long name wraps under its box: its words are in the chart, line by line.
    const words = textsOf(svg)
      .map((t) => t.text)
      .join(' ');
    for (const area of areas) expect(words).toContain(area.split(' ')[0]);
    expect(words).toContain('Kundebehandleren');
    expect(words).toContain('Totalinntrykk');
  });
});

describe('PDF layout', () => {
  it('keeps a heading with its chart: one that would end a page moves to the next with it', () => {
    const layout = new ReportLayout({ title: 'T', author: 'A', lang: 'nb-NO' });
    layout.chapter('Kapittel');
    // Fill the page to about 130 pt above its foot: room for the heading, not for the chart under it.
    layout.doc.y = layout.doc.page.height - 62 - 130;
    layout.heading('Prestasjonene per kanal');
    layout.chart(
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="600" height="300" fill="#eee"/></svg>',
      600,
      300,
    );
    layout.heading('Spredning mellom henvendelsene');
    layout.table(
      [
        { label: 'Gruppe', width: 0.5 },
        { label: 'Antall', width: 0.5, align: 'right' },
      ],
      [
        ['Alle', '25'],
        ['Telefon', '13'],
      ],
    );
    const [chapter, heading, chart, heading2, table] = layout.blocks;
    expect(chapter).toMatchObject({ kind: 'chapter', page: 1 });
    expect(heading).toMatchObject({ kind: 'heading', text: 'Prestasjonene per kanal', page: 2 });
    expect(chart).toMatchObject({ kind: 'chart', page: 2 });
    expect(heading2).toMatchObject({ kind: 'heading', page: 2 });
    expect(table).toMatchObject({ kind: 'table', page: 2 });
    // No page ends with a heading.
    layout.blocks.forEach((b, i) => {
      if (b.kind === 'heading') expect(layout.blocks[i + 1]?.page).toBe(b.page);
    });
  });
});
