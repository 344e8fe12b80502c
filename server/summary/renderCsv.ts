/**
 * The summary as one CSV file with a `kind` column (issue 10), quoted by `csv-stringify`,
 * UTF-8 with a byte-order mark so Excel reads it as UTF-8, and every text cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with `'` so no spreadsheet
 * runs it as a formula.
 */
import { stringify } from 'csv-stringify/sync';
import { adoptionWords, decisionLines, indicatorLines } from '../../lib/summary/recordLines';
import type {
  SummaryCard,
  SummaryDecision,
  SummaryIndicator,
  SummaryModel,
  SummaryVote,
} from '../../lib/summary/schema';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'kind',
  'id',
  'text',
  'colour',
  'agreement',
  'drifted_by',
  'rank',
  'tied',
  'dots_people',
  'dots_system',
  'share_people',
  'share_system',
  'balanced_score',
  'divergent',
  'note',
  'parent',
  'status',
  'owner',
  'date',
  'detail',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

/** Neutralise a cell a spreadsheet would read as a formula. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cardRow(kind: string, c: SummaryCard & { vote?: SummaryVote }): Row {
  const v = c.vote;
  return {
    kind,
    id: c.cardId,
    text: c.text,
    colour: c.colour,
    agreement: c.agreement,
    drifted_by: c.driftedBy,
    rank: v?.rank,
    tied: v?.tied,
    dots_people: v?.dots.people,
    dots_system: v?.dots.system,
    share_people: v ? v.shares.people : c.shares.people,
    share_system: v ? v.shares.system : c.shares.system,
    balanced_score: v?.balancedScore,
    divergent: v?.divergent,
    note: v ? 'shares are of each group’s dots' : 'shares are of the card’s characters',
  };
}

/** A decision, then one row per action under it (`parent` = the decision). */
function decisionRows(d: SummaryDecision): Row[] {
  return [
    {
      ...cardRow('decision', d),
      status: d.outcome ?? 'not decided yet',
      owner: d.powerLedger.holder,
      detail: decisionLines(d).join('\n'),
    },
    ...d.actions.map(
      (a): Row => ({
        kind: 'action',
        parent: d.cardId,
        text: a.text,
        owner: a.owner,
        date: a.due,
        status: a.status,
        note: a.reason,
      }),
    ),
  ];
}

/** An indicator, then one row per reading under it (`owner` = who added it, as allowed). */
function indicatorRows(i: SummaryIndicator): Row[] {
  return [
    {
      ...cardRow('indicator', i),
      status: adoptionWords(i),
      owner: i.owner,
      date: i.reviewDate,
      detail: indicatorLines(i).join('\n'),
    },
    ...i.readings.map(
      (r): Row => ({
        kind: 'reading',
        parent: i.cardId,
        text: String(r.value),
        date: r.date,
        owner: r.addedBy,
        note: r.note,
      }),
    ),
  ];
}

function rows(m: SummaryModel): Row[] {
  const out: Row[] = [
    { kind: 'workshop', id: m.workshop.id, text: m.workshop.title, note: m.workshop.question },
    { kind: 'status', text: `${m.audience} ${m.status}`, note: m.generatedAt },
  ];
  for (const f of m.facilitators) out.push({ kind: 'facilitator', text: f.label, colour: f.group });
  for (const g of m.takingPart.groups)
    out.push({
      kind: 'taking_part',
      id: g.group,
      text: `${g.joined} joined, ${g.contributed} took an active part`,
      note: g.small ? 'fewer than three' : '',
    });
  for (const n of m.takingPart.names) out.push({ kind: 'name', text: n.name, colour: n.group });
  for (const c of m.context) out.push(cardRow('context', c));
  for (const c of m.priorities) out.push(cardRow('priority', c));
  for (const d of m.decisions) out.push(...decisionRows(d));
  for (const i of m.indicators) out.push(...indicatorRows(i));
  for (const y of m.youSaidWeDid)
    out.push({ kind: 'you_said', id: y.cardId, text: y.text, status: y.status, detail: y.outcome });
  for (const s of m.balance.sections)
    out.push({
      kind: 'balance',
      id: s.section,
      text: s.title,
      dots_people: s.chars.people,
      dots_system: s.chars.system,
      note: `characters; cards: lived experience ${s.cards.people}, staff ${s.cards.system}, joint ${s.cards.joint}`,
    });
  for (const r of m.balance.rounds)
    out.push({
      kind: 'round',
      id: r.roundId,
      rank: r.number,
      text: r.section,
      dots_people: r.turnout.people.voted,
      dots_system: r.turnout.system.voted,
      note: `${r.status}; voted of eligible: ${r.turnout.people.voted}/${r.turnout.people.eligible} lived experience, ${r.turnout.system.voted}/${r.turnout.system.eligible} staff`,
    });
  for (const l of m.limits) out.push({ kind: 'limit', text: l });
  return out;
}

/** Render the summary as CSV bytes (UTF-8 with BOM). */
export function renderCsv(m: SummaryModel): Uint8Array {
  const records = rows(m).map((r) =>
    CSV_COLUMNS.map((col) => {
      const v = r[col];
      if (v === undefined || v === null) return '';
      return typeof v === 'string' ? neutralise(v) : String(v);
    }),
  );
  const text = stringify([CSV_COLUMNS as unknown as string[], ...records], { quoted_string: true });
  return new TextEncoder().encode(`\uFEFF${text}`);
}
