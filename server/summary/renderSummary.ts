/**
 * Every format of the summary from one model (issue 10): the table of renderers the
 * download route uses. No renderer reads the database or the Y.Doc.
 */
import { SUMMARY_FORMATS, type SummaryFormat, summaryFileName } from '../../lib/summary/formats';
import type { SummaryFile } from '../../lib/summary/pageData';
import { renderJson } from '../../lib/summary/renderJson';
import { renderMarkdown } from '../../lib/summary/renderMarkdown';
import type { SummaryModel } from '../../lib/summary/schema';
import { renderCsv } from './renderCsv';
import { renderDocx } from './renderDocx';
import { renderEasyReadDocx, renderEasyReadPdf } from './renderEasyRead';
import { renderPdf } from './renderPdf';

const text = (s: string) => new TextEncoder().encode(s);

/** The renderer of each format. */
export const RENDERERS: Record<
  SummaryFormat,
  (m: SummaryModel) => Uint8Array | Promise<Uint8Array>
> = {
  markdown: (m) => text(renderMarkdown(m)),
  csv: renderCsv,
  json: (m) => text(renderJson(m)),
  docx: renderDocx,
  pdf: renderPdf,
  'easy-read-docx': renderEasyReadDocx,
  'easy-read-pdf': renderEasyReadPdf,
};

/** The download as `format` with `body`, named after the workshop and the day it was made. */
export function summaryFile(
  m: { workshop: { title: string }; generatedAt: string },
  format: SummaryFormat,
  body: Uint8Array,
): SummaryFile {
  return {
    format,
    fileName: summaryFileName(m.workshop.title, m.generatedAt, format),
    contentType: SUMMARY_FORMATS[format].type,
    body,
  };
}
