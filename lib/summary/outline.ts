/**
 * The summary as a list of plain blocks (headings, paragraphs, cards, tables, the chart),
 * so the DOCX and PDF renderers lay out the same content and only decide how it looks.
 */
import { GROUP_LABEL } from '../roles';
import { decisionLines, indicatorLines } from './recordLines';
import type { SummaryCard, SummaryModel, SummaryVote } from './schema';
import {
  agreementWords,
  colourWords,
  dateWords,
  SUMMARY_HEADINGS as H,
  percent,
  statusWords,
  takingPartLabel,
  voteWords,
} from './words';

/** One block of the document. */
export type Block =
  | { t: 'title'; text: string }
  | { t: 'h'; text: string; newPage: boolean }
  | { t: 'p'; text: string; style?: 'note' | 'strong' }
  | { t: 'card'; text: string; colour: SummaryCard['colour']; lines: string[] }
  | { t: 'table'; head: string[]; rows: string[][] }
  | { t: 'chart' }
  | { t: 'bullets'; items: string[] };

function cards<C extends SummaryCard & { vote?: SummaryVote }>(
  list: C[],
  empty: string,
  details: (c: C) => string[] = () => [],
): Block[] {
  if (list.length === 0) return [{ t: 'p', text: empty, style: 'note' }];
  return list.map((c) => ({
    t: 'card',
    text: c.text,
    colour: c.colour,
    lines: [
      `${colourWords(c)}. ${agreementWords(c)}.`,
      ...(c.vote ? [voteWords(c.vote)] : []),
      ...details(c),
    ],
  }));
}

/** A table's header and rows. */
export interface TableData {
  head: string[];
  rows: string[][];
}

/** Who took part, per group. */
export function takingPartTable(m: SummaryModel): TableData {
  return {
    head: ['Group', 'Joined', 'Took an active part'],
    rows: m.takingPart.groups.map((g) => [
      `${takingPartLabel(g.group)}${g.small ? ' (fewer than three)' : ''}`,
      String(g.joined),
      String(g.contributed),
    ]),
  };
}

/** "Named with their agreement: …" or "Nobody is named." */
export function namesSentence(m: SummaryModel): string {
  const names = m.takingPart.names.map((n) => `${n.name} (${GROUP_LABEL[n.group]})`);
  return names.length ? `Named with their agreement: ${names.join(', ')}.` : 'Nobody is named.';
}

/** Characters and cards per group, section by section: the chart's figures. */
export function balanceTable(m: SummaryModel): TableData {
  const share = (n: number, total: number) => (total === 0 ? '0' : `${n} (${percent(n / total)})`);
  return {
    head: [
      'Section',
      'Lived experience characters',
      'Staff characters',
      'Cards: lived experience / staff / joint',
    ],
    rows: m.balance.sections.map((s) => {
      const total = s.chars.people + s.chars.system;
      return [
        s.title,
        share(s.chars.people, total),
        share(s.chars.system, total),
        `${s.cards.people} / ${s.cards.system} / ${s.cards.joint}`,
      ];
    }),
  };
}

/** Turnout per group, round by round. */
export function turnoutTable(m: SummaryModel): TableData {
  return {
    head: ['Round', 'Lived experience voted', 'Staff voted', 'Note'],
    rows: m.balance.rounds.map((r) => [
      `${r.number}: ${r.section === 'priorities' ? 'Joint priorities' : 'Quality indicators'} (${r.status})`,
      `${r.turnout.people.voted} of ${r.turnout.people.eligible}`,
      `${r.turnout.system.voted} of ${r.turnout.system.eligible}`,
      r.basisNote,
    ]),
  };
}

function about(m: SummaryModel): Block[] {
  return [
    { t: 'p', text: `Question: ${m.workshop.question}`, style: 'strong' },
    {
      t: 'p',
      text: `First activity: ${dateWords(m.workshop.firstActivity)}. Last activity: ${dateWords(m.workshop.lastActivity)}.`,
    },
    {
      t: 'p',
      text: `Facilitated by: ${m.facilitators.map((f) => f.label).join(', ') || 'not known'}.`,
    },
    { t: 'table', ...takingPartTable(m) },
    { t: 'p', text: namesSentence(m) },
  ];
}

function balance(m: SummaryModel): Block[] {
  return [
    { t: 'chart' },
    { t: 'table', ...balanceTable(m) },
    m.balance.rounds.length === 0
      ? { t: 'p', text: 'No voting rounds.', style: 'note' }
      : { t: 'table', ...turnoutTable(m) },
  ];
}

/** The whole summary as blocks, sections in the order, each from a new page. */
export function summaryOutline(m: SummaryModel): Block[] {
  const h = (n: number, text: string, newPage = true): Block => ({
    t: 'h',
    text: `${n}. ${text}`,
    newPage,
  });
  return [
    { t: 'title', text: `${m.workshop.title}: workshop summary` },
    { t: 'p', text: `${statusWords(m)} Made on ${dateWords(m.generatedAt)}.`, style: 'note' },
    h(1, H.about, false),
    ...about(m),
    h(2, H.context),
    ...cards(m.context, 'Nothing was added to the context.'),
    h(3, H.priorities),
    ...cards(m.priorities, 'No joint priorities yet.'),
    h(4, H.decisions),
    ...cards(m.decisions, 'No decisions yet.', decisionLines),
    h(5, H.indicators),
    ...cards(m.indicators, 'No quality indicators yet.', indicatorLines),
    h(6, H.youSaid),
    ...(m.youSaidWeDid.length === 0
      ? [{ t: 'p', text: 'No priorities yet.', style: 'note' } as Block]
      : [
          {
            t: 'bullets',
            items: m.youSaidWeDid.map((y) => `${y.text}: ${y.outcome}`),
          } as Block,
        ]),
    h(7, H.balance),
    ...balance(m),
    h(8, H.limits),
    { t: 'bullets', items: m.limits },
  ];
}
