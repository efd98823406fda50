import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { CHART_FONT } from './charts.js';

/** The font: Inter from an npm package (æ, ø, å and every Latin letter), so a fresh machine has it. */
const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/inter/package.json'));
export const FONTS = {
  regular: path.join(FONT_DIR, '400Regular/Inter_400Regular.ttf'),
  semibold: path.join(FONT_DIR, '600SemiBold/Inter_600SemiBold.ttf'),
  bold: path.join(FONT_DIR, '700Bold/Inter_700Bold.ttf'),
};

/** A4 in points; margins about 20 mm, a little more at the top and bottom for the running header and footer. */
const MM = 72 / 25.4;
const MARGIN = { top: 24 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM };
const TEXT = '#1b1f24';
const MUTED = '#4a5260';
const RULE = '#c9cfd8';
const HEAD_FILL = '#eef2f7';
const OWN = '#0b4f8a';

/** What pdfkit needs of a fontkit font: it lays out text (and is handed over whole to `registerFont`). */
interface FontkitFont {
  layout(text: string, features?: unknown): { positions: object[]; glyphs: { id: number }[]; advanceWidth: number };
  unitsPerEm: number;
}

/**
 * The fonts, opened once per process and shared by every document: parsing a TrueType font and
 * shaping text with its OpenType tables (Inter's contextual alternates) cost more than the rest of
 * a report. pdfkit lays text out word by word without features; those runs are kept here, and each
 * caller gets its own copy of the positions (pdfkit scales them in place).
 */
let shared: Record<keyof typeof FONTS, FontkitFont> | undefined;
export function sharedFonts(): Record<keyof typeof FONTS, FontkitFont> {
  if (shared) return shared;
  const fontkit = require('fontkit') as { openSync(file: string): FontkitFont };
  const open = (file: string): FontkitFont => {
    const font = fontkit.openSync(file);
    const layout = font.layout.bind(font);
    const runs = new Map<string, ReturnType<FontkitFont['layout']>>();
    font.layout = (text, features) => {
      if (features) return layout(text, features);
      let run = runs.get(text);
      if (!run) {
        run = layout(text);
        if (runs.size > 100_000) runs.clear();
        runs.set(text, run);
      }
      return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as object, run, {
        positions: run.positions.map((p) => ({ ...p })),
      }) as typeof run;
    };
    return font;
  };
  shared = { regular: open(FONTS.regular), semibold: open(FONTS.semibold), bold: open(FONTS.bold) };
  return shared;
}

export interface Column {
  label: string;
  /** Share of the text width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

export interface TocEntry {
  title: string;
  page: number;
}

/** A block of the layout model, by the page (1-based) it starts on: what tests check the page breaks with. */
export interface Block {
  kind: 'chapter' | 'heading' | 'paragraph' | 'chart' | 'table';
  text: string;
  page: number;
}

/** Pages of the report: headings, paragraphs, charts (SVG) and tables, with a running header and footer added at the end. */
export class ReportLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly toc: TocEntry[] = [];
  /** Every block in order of drawing. */
  readonly blocks: Block[] = [];
  private tocPage = -1;
  private pendingHeading: string | undefined;

  constructor(readonly meta: { title: string; author: string; lang: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      lang: meta.lang,
      info: { Title: meta.title, Author: meta.author, Creator: 'KSP – Kundeserviceprisen' },
    });
    const fonts = sharedFonts();
    // pdfkit takes a fontkit font as it is (anything with `layout`); its types know only paths and buffers.
    this.doc.registerFont('Inter', fonts.regular as never);
    this.doc.registerFont('Inter-SemiBold', fonts.semibold as never);
    this.doc.registerFont('Inter-Bold', fonts.bold as never);
    this.doc.font('Inter');
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get left(): number {
    return MARGIN.left;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  page(): void {
    this.doc.addPage();
    this.doc.font('Inter').fontSize(9.5).fillColor(TEXT);
  }

  /** Room for `height` points on this page, else a new page. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.page();
  }

  /** Reserves the page of the table of contents; it is written at the end, when every chapter's page is known. */
  reserveContents(): void {
    this.page();
    this.tocPage = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
  }

  /** A chapter starts on a new page and enters the table of contents. */
  chapter(title: string, intro?: string): void {
    this.flushHeading(0);
    this.page();
    const range = this.doc.bufferedPageRange();
    this.toc.push({ title, page: range.start + range.count });
    this.mark('chapter', title);
    this.doc.font('Inter-Bold').fontSize(18).fillColor(OWN).text(title, { width: this.width });
    this.doc.moveDown(0.3);
    if (intro) this.paragraph(intro, MUTED);
    this.doc.moveDown(0.4);
  }

  /**
   * A heading keeps with what follows it: it is drawn only with the next block, on the page where
   * that block starts, so no page ends with a heading and its chart overleaf.
   */
  heading(text: string): void {
    this.flushHeading(0);
    this.pendingHeading = text;
  }

  /** Draws the waiting heading where `next` points of what follows still fit under it. */
  private flushHeading(next: number): void {
    const text = this.pendingHeading;
    if (text === undefined) return;
    this.pendingHeading = undefined;
    const doc = this.doc;
    doc.font('Inter-SemiBold').fontSize(12);
    const height = doc.currentLineHeight(true) * 0.8 + doc.heightOfString(text, { width: this.width }) + doc.currentLineHeight(true) * 0.3;
    this.ensure(height + next);
    this.mark('heading', text);
    doc.moveDown(0.5).font('Inter-SemiBold').fontSize(12).fillColor(TEXT).text(text, this.left, doc.y, { width: this.width });
    doc.moveDown(0.3).font('Inter').fontSize(9.5);
  }

  paragraph(text: string, colour = TEXT): void {
    this.doc.font('Inter').fontSize(9.5);
    this.flushHeading(this.doc.heightOfString(text, { width: this.width, lineGap: 1.5 }));
    this.mark('paragraph', text);
    this.doc.font('Inter').fontSize(9.5).fillColor(colour).text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.fillColor(TEXT);
  }

  /** Notes a block in the layout model, on the page it starts on. */
  private mark(kind: Block['kind'], text = ''): void {
    const range = this.doc.bufferedPageRange();
    this.blocks.push({ kind, text, page: range.start + range.count });
  }

  /** A chart rendered to SVG at `svgWidth` × `svgHeight`, scaled to the text width. */
  chart(svg: string, svgWidth: number, svgHeight: number): void {
    const height = (svgHeight * this.width) / svgWidth;
    this.flushHeading(height + 8);
    this.ensure(height + 8);
    this.mark('chart');
    const y = this.doc.y + 4;
    SVGtoPDF(this.doc as never, svg, this.left, y, {
      width: this.width,
      height,
      assumePt: false,
      fontCallback: (_family, bold) => (bold ? 'Inter-SemiBold' : CHART_FONT),
    });
    this.doc.x = this.left;
    this.doc.y = y + height + 6;
  }

  /** A table: a shaded header row (repeated on a new page), right-aligned numbers, thin rules. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: { bold?: (row: number) => boolean } = {}): void {
    const doc = this.doc;
    const widths = columns.map((c) => c.width * this.width);
    const header = columns.map((c) => c.label);
    const pad = 3;
    const size = 8.5;
    // The header a little smaller, so a long label fits over a number column; smaller still where
    // one of its words would otherwise break inside ("Kundebehandler-en").
    doc.font('Inter-SemiBold');
    const headerSize = Math.max(
      6.5,
      Math.min(
        size - 1,
        ...header.map((label, i) => {
          const longest = Math.max(0, ...label.split(/\s+/).map((w) => doc.fontSize(size - 1).widthOfString(w)));
          return longest > 0 ? ((size - 1) * (widths[i]! - 2 * pad - 0.5)) / longest : size - 1;
        }),
      ),
    );
    const sizeOf = (cells: readonly string[]) => (cells === header ? headerSize : size);
    // A row's height is asked up to three times (where the table starts, whether the row fits, to
    // draw it), and each time pdfkit wrapped its cells anew: about 4 % of a report's CPU.
    const heights = new Map<readonly string[], Map<string, number>>();
    const rowHeight = (cells: readonly string[], font: string) => {
      let byFont = heights.get(cells);
      if (!byFont) heights.set(cells, (byFont = new Map()));
      let height = byFont.get(font);
      if (height === undefined) {
        doc.font(font).fontSize(sizeOf(cells));
        height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * pad }))) + 2 * pad;
        byFont.set(font, height);
      }
      return height;
    };
    const drawRow = (cells: readonly string[], font: string, fill?: string) => {
      const h = rowHeight(cells, font);
      const y = doc.y;
      if (fill) doc.rect(this.left, y, this.width, h).fill(fill);
      let x = this.left;
      doc.font(font).fontSize(sizeOf(cells)).fillColor(TEXT);
      cells.forEach((cell, i) => {
        doc.text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left', lineBreak: true });
        x += widths[i]!;
      });
      doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.x = this.left;
      doc.y = y + h;
    };
    // A table starts where its header and first two rows fit (and its heading with them).
    const start = rowHeight(header, 'Inter-SemiBold') + rows.slice(0, 2).reduce((h, row) => h + rowHeight(row, 'Inter'), 0) + 4;
    this.flushHeading(start);
    this.ensure(start);
    this.mark('table', header.join(' '));
    drawRow(header, 'Inter-SemiBold', HEAD_FILL);
    rows.forEach((row, i) => {
      const font = options.bold?.(i) ? 'Inter-SemiBold' : 'Inter';
      if (doc.y + rowHeight(row, font) > this.bottom) {
        this.page();
        drawRow(header, 'Inter-SemiBold', HEAD_FILL);
      }
      drawRow(row, font);
    });
    doc.moveDown(0.6);
    doc.font('Inter').fontSize(9.5);
  }

  /** Writes the table of contents, and the running header and footer on every page but the cover; returns the file. */
  async finish(header: string, pageLabel: (n: number, of: number) => string, contentsTitle: string): Promise<Buffer> {
    this.flushHeading(0);
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    if (this.tocPage >= 0) {
      doc.switchToPage(this.tocPage);
      doc.x = this.left;
      doc.y = MARGIN.top;
      doc.font('Inter-Bold').fontSize(18).fillColor(OWN).text(contentsTitle, { width: this.width });
      doc.moveDown(0.8);
      for (const entry of this.toc) {
        const y = doc.y;
        doc
          .font('Inter')
          .fontSize(11)
          .fillColor(TEXT)
          .text(entry.title, this.left, y, { width: this.width - 40 });
        doc.text(String(entry.page), this.left + this.width - 40, y, { width: 40, align: 'right' });
        doc
          .moveTo(this.left, doc.y + 2)
          .lineTo(this.left + this.width, doc.y + 2)
          .lineWidth(0.3)
          .strokeColor(RULE)
          .stroke();
        doc.y += 8;
      }
    }
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing in the margins must not start a new page.
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, top: 0, bottom: 0 };
      doc.font('Inter').fontSize(8).fillColor(MUTED);
      if (i > range.start) {
        doc.text(header, MARGIN.left, 12 * MM, { width: this.width, align: 'left', lineBreak: false });
        doc
          .moveTo(MARGIN.left, 12 * MM + 12)
          .lineTo(MARGIN.left + this.width, 12 * MM + 12)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
      }
      doc.text(pageLabel(i - range.start + 1, range.count), MARGIN.left, doc.page.height - 14 * MM, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins = margins;
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
