/**
 * The summary as PDF (issue 10): the blocks of `summaryOutline` on A4, each card with its
 * group's edge colour and its colour in words, and the balance chart drawn from the same
 * SVG as the page (`svg-to-pdfkit`).
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { balanceChartSvg, chartSize } from '../../lib/summary/balanceChart';
import { type Block, summaryOutline } from '../../lib/summary/outline';
import type { SummaryModel } from '../../lib/summary/schema';
import { ensureSpace, newPdf, pdfBytes } from './pdfBase';

const FILL = { people: '#DD8EB2', system: '#A2D8FD', joint: '#8D71CF' } as const;
const EDGE = { people: '#AE2573', system: '#005EB8', joint: '#330072' } as const;
const INK = '#0B0C0C';

function card(doc: PDFKit.PDFDocument, b: Extract<Block, { t: 'card' }>): void {
  const x = doc.page.margins.left;
  const width = doc.page.width - x - doc.page.margins.right;
  doc.font('regular').fontSize(11);
  const textH = doc.heightOfString(b.text, { width: width - 20 });
  ensureSpace(doc, textH + 40);
  const top = doc.y + 4;
  doc.rect(x, top, width, textH + 12).fill(FILL[b.colour]);
  doc.rect(x, top, 5, textH + 12).fill(EDGE[b.colour]);
  doc.fillColor(INK).text(b.text, x + 14, top + 6, { width: width - 20 });
  doc.y = top + textH + 16;
  doc.font('italic').fontSize(10);
  for (const l of b.lines) doc.text(l, x, doc.y, { width });
  doc.moveDown(0.6);
}

function table(doc: PDFKit.PDFDocument, head: string[], rows: string[][]): void {
  const x = doc.page.margins.left;
  const width = doc.page.width - x - doc.page.margins.right;
  const colW = width / head.length;
  const row = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    const h = Math.max(...cells.map((c) => doc.heightOfString(c, { width: colW - 6 }))) + 6;
    ensureSpace(doc, h);
    const top = doc.y;
    cells.forEach((c, i) => {
      doc
        .rect(x + i * colW, top, colW, h)
        .strokeColor(INK)
        .lineWidth(0.5)
        .stroke();
      doc.fillColor(INK).text(c, x + i * colW + 3, top + 3, { width: colW - 6 });
    });
    doc.y = top + h;
  };
  row(head, 'bold');
  for (const r of rows) row(r, 'regular');
  doc.x = x;
  doc.moveDown(0.8);
}

function block(doc: PDFKit.PDFDocument, b: Block, m: SummaryModel): void {
  const x = doc.page.margins.left;
  switch (b.t) {
    case 'title':
      doc.font('bold').fontSize(22).fillColor(INK).text(b.text, x).moveDown(0.3);
      return;
    case 'h':
      if (b.newPage) doc.addPage();
      else ensureSpace(doc, 80);
      doc.font('bold').fontSize(16).fillColor(INK).text(b.text, x).moveDown(0.4);
      return;
    case 'p':
      doc
        .font(b.style === 'note' ? 'italic' : b.style === 'strong' ? 'bold' : 'regular')
        .fontSize(11);
      doc.fillColor(INK).text(b.text, x).moveDown(0.5);
      return;
    case 'card':
      card(doc, b);
      return;
    case 'table':
      table(doc, b.head, b.rows);
      return;
    case 'chart': {
      const { height } = chartSize(m.balance.sections.length);
      ensureSpace(doc, height + 10);
      SVGtoPDF(doc, balanceChartSvg(m.balance.sections), x, doc.y, {
        assumePt: true,
        fontCallback: () => 'regular',
      });
      doc.y += height + 10;
      doc.x = x;
      return;
    }
    case 'bullets':
      doc
        .font('regular')
        .fontSize(11)
        .fillColor(INK)
        .list(b.items, x, doc.y, { bulletRadius: 2 })
        .moveDown(0.5);
      return;
  }
}

/** Render the summary as PDF bytes. */
export function renderPdf(m: SummaryModel): Promise<Uint8Array> {
  const doc = newPdf(`${m.workshop.title}: workshop summary`);
  for (const b of summaryOutline(m)) block(doc, b, m);
  return pdfBytes(doc);
}
