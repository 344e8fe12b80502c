/**
 * The summary's download formats (issue 10): route slug, file extension and content type,
 * in one table the page, the route handler and the server share.
 */
export const SUMMARY_FORMATS = {
  markdown: { ext: 'md', type: 'text/markdown; charset=utf-8', label: 'Markdown' },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8', label: 'CSV (spreadsheet)' },
  json: { ext: 'json', type: 'application/json; charset=utf-8', label: 'JSON (data)' },
  docx: {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
  },
  pdf: { ext: 'pdf', type: 'application/pdf', label: 'PDF' },
  'easy-read-docx': {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Easy read Word (DOCX)',
  },
  'easy-read-pdf': { ext: 'pdf', type: 'application/pdf', label: 'Easy read PDF' },
} as const;

/** A format's slug, as in `/w/<id>/summary/export/<slug>`. */
export type SummaryFormat = keyof typeof SUMMARY_FORMATS;

/** True when `value` names a format. */
export function isSummaryFormat(value: string): value is SummaryFormat {
  return Object.hasOwn(SUMMARY_FORMATS, value);
}

/**
 * A file name with the workshop's title and the date: letters and digits of any script
 * kept, everything else one hyphen, e.g. `purple-summary-our-clinic-2026-12-01.md`.
 */
export function summaryFileName(title: string, date: string, format: SummaryFormat): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'workshop';
  const easy = format.startsWith('easy-read') ? '-easy-read' : '';
  return `purple-summary-${slug}${easy}-${date.slice(0, 10)}.${SUMMARY_FORMATS[format].ext}`;
}
