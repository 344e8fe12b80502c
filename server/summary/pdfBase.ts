/**
 * What both PDF renderers share (`pdfkit`, pure JavaScript): an A4 document with Noto Sans
 * embedded from an npm package (OFL; covers Welsh ŵ ŷ and other Latin-script languages),
 * collected into bytes when it ends.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
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

type FontName = keyof typeof FONTS;
let parsed: Record<FontName, unknown> | null = null;

/**
 * The fonts parsed once per process: parsing Noto Sans's layout tables is most of a small
 * PDF's cost, and `pdfkit` accepts an already-parsed `fontkit` font (each document still
 * embeds its own subset).
 */
function fonts(): Record<FontName, unknown> {
  parsed ??= {
    regular: fontkit.create(readFileSync(FONTS.regular)),
    bold: fontkit.create(readFileSync(FONTS.bold)),
    italic: fontkit.create(readFileSync(FONTS.italic)),
  };
  return parsed;
}

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
  const f = fonts();
  // pdfkit's types name only paths and buffers; its factory also takes a parsed font.
  for (const name of Object.keys(f) as FontName[]) doc.registerFont(name, f[name] as Buffer);
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
