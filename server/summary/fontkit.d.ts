declare module 'fontkit' {
  /** Parse a font file (TTF, OTF, WOFF, WOFF2); only what Purple's PDF renderers use. */
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
