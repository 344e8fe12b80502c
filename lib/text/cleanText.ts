/**
 * One cleaning for every free-text field people type (names, titles, questions, access
 * needs): Unicode NFC, no bidirectional controls (a right-to-left override can make "evil"
 * display as "live"), no control characters, and nothing left when only invisible
 * characters were typed (a name made of U+200B is no name). The server applies it through
 * the zod schemas (`freeText`), so a client cannot skip it.
 */

/** Embeddings, overrides, isolates and directional marks (UAX #9). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls except tab and line feed (a carriage return goes too: CRLF becomes LF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Whitespace, format characters (zero-width space, joiners, BOM, soft hyphen), marks alone, fillers. */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u2800\u3164\uFFA0]*$/u;

/** Clean one value; single-line values also turn line breaks and tabs into spaces. */
export function cleanText(value: string, options: { multiline?: boolean } = {}): string {
  let text = value.normalize('NFC').replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
  if (!options.multiline) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  return INVISIBLE_ONLY.test(text) ? '' : text;
}
