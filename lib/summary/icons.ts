/**
 * Icons for the summary and its easy-read version, as SVG path data on a 24×24 grid so the
 * page (SVG), the PDF (`pdfkit` draws SVG paths) and the DOCX (an embedded SVG) draw the
 * same shapes. The group icons are the ones Purple's board shows (`GroupIcon`).
 */
export const ICON_PATHS = {
  people: [
    'M12 20.5s-7.5-4.6-7.5-10.1A4.3 4.3 0 0 1 12 7.6a4.3 4.3 0 0 1 7.5 2.8c0 5.5-7.5 10.1-7.5 10.1Z',
  ],
  system: ['M4 21V6l8-3 8 3v15', 'M2.5 21h19M8.5 9h1M14.5 9h1M8.5 13h1M14.5 13h1M10.5 21v-4h3v4'],
  joint: ['M3 12a6 6 0 1 0 12 0a6 6 0 1 0 -12 0', 'M9 12a6 6 0 1 0 12 0a6 6 0 1 0 -12 0'],
  /** A gavel-free "decided": a box with a tick. */
  decision: ['M4 4h16v16H4Z', 'M8 12.5l3 3 5-7'],
  /** A gauge: how we will know. */
  indicator: ['M4 17a8 8 0 1 1 16 0', 'M12 17l4-5'],
  /** An arrow forward: something someone will do. */
  action: ['M4 12h14', 'M13 7l5 5-5 5'],
  /** Information. */
  info: ['M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0', 'M12 11v6', 'M12 7.5v.5'],
} as const;

/** An icon's name. */
export type IconName = keyof typeof ICON_PATHS;

/** Stroke colours: group edges from ACCESSIBILITY.md, near-black for the others. */
export const ICON_COLOURS: Record<IconName, string> = {
  people: '#AE2573',
  system: '#005EB8',
  joint: '#330072',
  decision: '#0B0C0C',
  indicator: '#0B0C0C',
  action: '#0B0C0C',
  info: '#0B0C0C',
};

/** An icon as a standalone SVG document of `size` pixels. */
export function iconSvg(name: IconName, size = 48): string {
  const paths = ICON_PATHS[name].map((d) => `<path d="${d}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="${ICON_COLOURS[name]}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}
