import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { measureChartText } from './charts.js';
import { sharedFonts } from './layout.js';

/** A chart as ECharts writes it: bars, each with a decal drawn over it in a pattern (ids differ from chart to chart). */
const chart = (
  id: string,
  dot = 'M6.4 -3A2.4 2.4 0 1 1 6.4 -3.0002',
) => `<svg width="200" height="100" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
<path d="M10 10l100 0l0 10l-100 0Z" fill="#0b4f8a"></path><path d="M10 10l100 0l0 10l-100 0Z" fill="url(#${id})"></path>
<path d="M10 30l80 0l0 10l-80 0Z" fill="#0b4f8a"></path><path d="M10 30l80 0l0 10l-80 0Z" fill="url(#${id})"></path>
<path d="M10 50l60 0l0 10l-60 0Z" fill="#0b4f8a"></path><path d="M10 50l60 0l0 10l-60 0Z" fill="url(#${id})"></path>
<defs><pattern width="16" height="12" patternUnits="userSpaceOnUse" id="${id}"><g><path d="${dot}" fill="rgb(0,0,0)" fill-opacity="0.2"></path></g></pattern></defs>
</svg>`;

/** Draws the SVGs into one uncompressed document; counts its pattern objects and their tiles (Form XObjects). */
async function draw(svgs: string[]): Promise<{ patterns: number; tiles: number }> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: true });
  svgs.forEach((svg, i) => SVGtoPDF(doc as never, svg, 0, 120 * i, { width: 200, height: 100 }));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks).toString('latin1');
  return { patterns: pdf.match(/\/PatternType 1/g)?.length ?? 0, tiles: pdf.match(/\/Subtype \/Form/g)?.length ?? 0 };
}

// svg-to-pdfkit is patched (patches/svg-to-pdfkit@0.1.8.patch) to draw a pattern's tile once per document.
describe('decal patterns in the PDF', () => {
  it('draws one tile for every bar of every chart that uses the same pattern, placed by a pattern object each', async () => {
    expect(await draw([chart('zr1-p0'), chart('zr2-p0')])).toEqual({ patterns: 6, tiles: 1 });
  });

  it('draws a tile of its own for a different pattern', async () => {
    expect(await draw([chart('zr1-p0'), chart('zr2-p0', 'M1 1A2 2 0 1 1 1 1.0002')])).toEqual({ patterns: 6, tiles: 2 });
  });

  it('shares no tile between documents: each report draws its own', async () => {
    expect(await draw([chart('zr1-p0')])).toEqual({ patterns: 3, tiles: 1 });
    expect(await draw([chart('zr1-p0')])).toEqual({ patterns: 3, tiles: 1 });
  });
});

describe('the ASCII widths given to zrender', () => {
  it('are the widths the font shapes for each letter alone, in both faces and at any size', () => {
    const fonts = sharedFonts();
    for (const [font, face] of [
      ['12px Inter', fonts.regular],
      ['bold 15px Inter', fonts.semibold],
    ] as const) {
      const size = Number(/(\d+)px/.exec(font)![1]);
      for (let c = 32; c < 127; c++) {
        const run = face.layout(String.fromCharCode(c));
        const units = run.glyphs.reduce(
          (sum, g, i) => sum + (g.id === 0 ? face.unitsPerEm : (run.positions[i] as { xAdvance: number }).xAdvance),
          0,
        );
        expect(measureChartText(String.fromCharCode(c), font).width).toBe((units * size) / face.unitsPerEm);
      }
    }
  });
});
