/**
 * What both PDF renderers share (`pdfkit`, pure JavaScript): an A4 document with Noto Sans
 * embedded from an npm package (OFL; covers Welsh ŵ ŷ and other Latin-script languages),
 * collected into bytes when it ends.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** The embedded font files. */
export const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  italic: require.resolve(
    '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  ),
} as const;

/** A new A4 PDF with the fonts registered and `title` in its metadata. */
export function newPdf(title: string, margin = 56): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    info: { Title: title, Creator: 'Purple' },
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    tagged: false,
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.font('regular');
  return doc;
}

/** End `doc` and resolve with its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/** Start a new page when fewer than `needed` points are left on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
