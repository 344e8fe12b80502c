/**
 * The summary as Markdown (issue 10): every section in order, colour in words, the
 * balance figures as tables. Card text is escaped so nobody's words become formatting.
 */
import {
  balanceTable,
  namesSentence,
  type TableData,
  takingPartTable,
  turnoutTable,
} from './outline';
import { decisionLines, indicatorLines } from './recordLines';
import type { SummaryCard, SummaryModel, SummaryVote } from './schema';
import {
  agreementWords,
  colourWords,
  dateWords,
  SUMMARY_HEADINGS as H,
  statusWords,
  voteWords,
} from './words';

/** Escape Markdown syntax in free text, and keep line breaks inside one list item. */
export function mdText(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) =>
      line.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/^(\s*)([#+-]|\d+\.)/, '$1\\$2'),
    )
    .join('  \n  ');
}

function cardLines(c: SummaryCard & { vote?: SummaryVote }, details: string[] = []): string[] {
  const lines = [`- ${mdText(c.text)}`, `  *${colourWords(c)}. ${agreementWords(c)}.*`];
  if (c.vote) lines.push(`  ${voteWords(c.vote)}`);
  for (const d of details) lines.push(`  ${mdText(d)}`);
  // Two trailing spaces keep each line of one item on its own line.
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}  ` : l));
}

function list<C extends SummaryCard>(
  cards: C[],
  empty: string,
  details: (c: C) => string[] = () => [],
): string[] {
  return cards.length === 0 ? [`*${empty}*`] : cards.flatMap((c) => cardLines(c, details(c)));
}

/** A Markdown table; every column after the first is right-aligned. */
function mdTable({ head, rows }: TableData): string[] {
  const line = (cells: string[]) => `| ${cells.map(mdText).join(' | ')} |`;
  return [line(head), `| --- |${' ---: |'.repeat(head.length - 1)}`, ...rows.map(line)];
}

function about(m: SummaryModel): string[] {
  const w = m.workshop;
  return [
    `**Question:** ${mdText(w.question)}`,
    '',
    `**First activity:** ${dateWords(w.firstActivity)}. **Last activity:** ${dateWords(w.lastActivity)}.`,
    '',
    `**Facilitated by:** ${m.facilitators.map((f) => mdText(f.label)).join(', ') || 'not known'}`,
    '',
    ...mdTable(takingPartTable(m)),
    '',
    mdText(namesSentence(m)),
  ];
}

function balance(m: SummaryModel): string[] {
  return [
    ...mdTable(balanceTable(m)),
    '',
    '### Turnout by round',
    '',
    ...(m.balance.rounds.length === 0 ? ['*No voting rounds.*'] : mdTable(turnoutTable(m))),
  ];
}

/** Render the whole summary as one Markdown document. */
export function renderMarkdown(m: SummaryModel): string {
  const out: string[] = [
    `# ${mdText(m.workshop.title)}: workshop summary`,
    '',
    `*${statusWords(m)} Made on ${dateWords(m.generatedAt)}.*`,
    '',
    `## 1. ${H.about}`,
    '',
    ...about(m),
    '',
    `## 2. ${H.context}`,
    '',
    ...list(m.context, 'Nothing was added to the context.'),
    '',
    `## 3. ${H.priorities}`,
    '',
    ...list(m.priorities, 'No joint priorities yet.'),
    '',
    `## 4. ${H.decisions}`,
    '',
    ...list(m.decisions, 'No decisions yet.', decisionLines),
    '',
    `## 5. ${H.indicators}`,
    '',
    ...list(m.indicators, 'No quality indicators yet.', indicatorLines),
    '',
    `## 6. ${H.youSaid}`,
    '',
    ...(m.youSaidWeDid.length === 0
      ? ['*No priorities yet.*']
      : m.youSaidWeDid.map((y) => `- ${mdText(y.text)}: ${mdText(y.outcome)}`)),
    '',
    `## 7. ${H.balance}`,
    '',
    ...balance(m),
    '',
    `## 8. ${H.limits}`,
    '',
    ...m.limits.map((l) => `- ${mdText(l)}`),
    '',
  ];
  return out.join('\n');
}
