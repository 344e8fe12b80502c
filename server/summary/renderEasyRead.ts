/**
 * The easy-read summary as DOCX and PDF (issue 10): the points of `easyRead()`, each with
 * its icon on the left, type of at least 16 pt and generous spacing.
 */
import {
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type EasyReadPoint, easyRead } from '../../lib/summary/easyRead';
import { ICON_COLOURS, ICON_PATHS, iconSvg } from '../../lib/summary/icons';
import type { SummaryModel } from '../../lib/summary/schema';
import { ensureSpace, newPdf, pdfBytes } from './pdfBase';
import { rectsPng } from './rectsPng';

/** Easy-read body type, in points (at least 16). */
export const EASY_READ_PT = 16;
const ICON = 48;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function iconRun(point: EasyReadPoint): ImageRun {
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(iconSvg(point.icon, ICON)),
    fallback: {
      type: 'png',
      data: rectsPng(ICON, ICON, [{ x: 8, y: 8, w: 32, h: 32, fill: ICON_COLOURS[point.icon] }]),
    },
    transformation: { width: ICON, height: ICON },
    altText: { name: point.icon, title: point.icon, description: '' },
  });
}

function docxPoint(point: EasyReadPoint): Table {
  const size = EASY_READ_PT * 2;
  const text = [
    ...(point.quote
      ? [
          new Paragraph({
            spacing: { after: 160, line: 360 },
            children: [new TextRun({ text: `“${point.quote}”`, bold: true, size })],
          }),
        ]
      : []),
    ...point.sentences.map(
      (s) =>
        new Paragraph({
          spacing: { after: 160, line: 360 },
          children: [new TextRun({ text: s, size })],
        }),
    ),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 15, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ children: [iconRun(point)] })],
          }),
          new TableCell({ width: { size: 85, type: WidthType.PERCENTAGE }, children: text }),
        ],
      }),
    ],
  });
}

/** The easy-read summary as DOCX bytes. */
export async function renderEasyReadDocx(m: SummaryModel): Promise<Uint8Array> {
  const { title, parts } = easyRead(m);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: title, size: 44, bold: true })],
    }),
  ];
  for (const part of parts) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 480, after: 240 },
        children: [new TextRun({ text: part.heading, size: 36, bold: true })],
      }),
    );
    for (const p of part.points) children.push(docxPoint(p), new Paragraph({ text: '' }));
  }
  const doc = new Document({
    title,
    creator: 'Purple',
    styles: { default: { document: { run: { font: 'Noto Sans', size: EASY_READ_PT * 2 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function pdfIcon(doc: PDFKit.PDFDocument, point: EasyReadPoint, x: number, y: number): void {
  doc
    .save()
    .translate(x, y)
    .scale(ICON / 24)
    .lineWidth(2)
    .lineCap('round')
    .lineJoin('round')
    .strokeColor(ICON_COLOURS[point.icon]);
  for (const d of ICON_PATHS[point.icon]) doc.path(d).stroke();
  doc.restore();
}

/** The easy-read summary as PDF bytes. */
export function renderEasyReadPdf(m: SummaryModel): Promise<Uint8Array> {
  const { title, parts } = easyRead(m);
  const doc = newPdf(title, 60);
  const x = doc.page.margins.left;
  const textX = x + ICON + 20;
  const width = doc.page.width - textX - doc.page.margins.right;
  doc.font('bold').fontSize(26).text(title, x).moveDown(1);
  for (const part of parts) {
    ensureSpace(doc, 140);
    doc.font('bold').fontSize(21).text(part.heading, x).moveDown(0.6);
    for (const p of part.points) {
      const lines = [...(p.quote ? [`“${p.quote}”`] : []), ...p.sentences];
      doc.fontSize(EASY_READ_PT);
      const h = lines.reduce((n, l) => n + doc.heightOfString(l, { width, lineGap: 6 }) + 10, 0);
      ensureSpace(doc, Math.max(h, ICON) + 10);
      const top = doc.y;
      pdfIcon(doc, p, x, top);
      doc.y = top;
      lines.forEach((l, i) => {
        doc
          .font(i === 0 && p.quote ? 'bold' : 'regular')
          .fontSize(EASY_READ_PT)
          .text(l, textX, doc.y, { width, lineGap: 6 });
        doc.moveDown(0.5);
      });
      doc.y = Math.max(doc.y, top + ICON) + 14;
    }
  }
  return pdfBytes(doc);
}
