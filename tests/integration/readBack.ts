/**
 * A downloaded summary file as the text a person would read in it (issue 10): DOCX through
 * its `word/document.xml`, PDF through poppler's `pdftotext`, the rest as UTF-8. Shared by
 * the integration test and the browser test so both read files back the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

let dir: string | null = null;

/** The text of a PDF file, pages separated by form feeds. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The text a person would read in a downloaded file of this format (e.g. `easy-read-pdf`). */
export async function readBack(format: string, body: Uint8Array): Promise<string> {
  if (format.endsWith('docx')) {
    const zip = await JSZip.loadAsync(body);
    return (await zip.file('word/document.xml')?.async('string')) ?? '';
  }
  if (format.endsWith('pdf')) {
    dir ??= mkdtempSync(path.join(tmpdir(), 'purple-readback-'));
    const file = path.join(dir, `${format}-${Math.random()}.pdf`);
    writeFileSync(file, body);
    return pdfText(file);
  }
  return new TextDecoder().decode(body);
}

/** Text with every run of white space as one space, so wrapped lines still match. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
