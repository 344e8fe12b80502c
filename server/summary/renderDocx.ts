/**
 * The summary as DOCX with `docx` (issue 10): the blocks of `summaryOutline`, each card's
 * colour also in words, the balance chart embedded as the same SVG the page shows (with a
 * PNG of its bars for Word versions that cannot show SVG).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { balanceChartSvg, chartRects, chartSize } from '../../lib/summary/balanceChart';
import { type Block, summaryOutline } from '../../lib/summary/outline';
import type { SummaryModel } from '../../lib/summary/schema';
import { rectsPng } from './rectsPng';

const FILL = { people: 'DD8EB2', system: 'A2D8FD', joint: '8D71CF' } as const;
const EDGE = { people: 'AE2573', system: '005EB8', joint: '330072' } as const;

/** The balance chart as a Word image: SVG with a PNG fallback, both from the same figures. */
export function chartImage(m: SummaryModel): ImageRun {
  const { width, height } = chartSize(m.balance.sections.length);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(balanceChartSvg(m.balance.sections)),
    fallback: { type: 'png', data: rectsPng(width, height, chartRects(m.balance.sections)) },
    transformation: { width, height },
    altText: {
      name: 'Balance chart',
      title: 'Share of writing by group, per section',
      description: 'The same figures are in the table below.',
    },
  });
}

function table(head: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

function block(b: Block, m: SummaryModel): (Paragraph | Table)[] {
  switch (b.t) {
    case 'title':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.TITLE })];
    case 'h':
      return [
        new Paragraph({
          text: b.text,
          heading: HeadingLevel.HEADING_1,
          pageBreakBefore: b.newPage,
        }),
      ];
    case 'p':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: b.text, italics: b.style === 'note', bold: b.style === 'strong' }),
          ],
        }),
      ];
    case 'card':
      return [
        new Paragraph({
          children: [new TextRun({ text: b.text })],
          shading: { type: ShadingType.CLEAR, fill: FILL[b.colour], color: 'auto' },
          border: { left: { style: BorderStyle.THICK, size: 24, color: EDGE[b.colour], space: 4 } },
          spacing: { before: 160 },
        }),
        ...b.lines.map(
          (l) => new Paragraph({ children: [new TextRun({ text: l, italics: true })] }),
        ),
      ];
    case 'table':
      return [table(b.head, b.rows), new Paragraph({ text: '' })];
    case 'chart':
      return [new Paragraph({ children: [chartImage(m)], alignment: AlignmentType.LEFT })];
    case 'bullets':
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
  }
}

/** Render the summary as DOCX bytes. */
export async function renderDocx(m: SummaryModel): Promise<Uint8Array> {
  const doc = new Document({
    title: `${m.workshop.title}: workshop summary`,
    creator: 'Purple',
    styles: { default: { document: { run: { font: 'Noto Sans', size: 22 } } } },
    sections: [{ children: summaryOutline(m).flatMap((b) => block(b, m)) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
