/**
 * The summary as Markdown (issue 10): every section in order, colour in words, the
 * balance figures as tables. Card text is escaped so nobody's words become formatting.
 */
import { GROUP_LABEL } from '../roles';
import type { SummaryCard, SummaryModel } from './schema';
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

/** Escape Markdown syntax in free text, and keep line breaks inside one list item. */
export function mdText(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) =>
      line.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/^(\s*)([#+-]|\d+\.)/, '$1\\$2'),
    )
    .join('  \n  ');
}

function cardLines(
  c: SummaryCard & { vote?: SummaryModel['priorities'][number]['vote'] },
): string[] {
  const lines = [`- ${mdText(c.text)}  `, `  *${colourWords(c)}. ${agreementWords(c)}.*`];
  if (c.vote) lines.push(`  ${voteWords(c.vote)}`);
  return lines;
}

function list(cards: SummaryCard[], empty: string): string[] {
  return cards.length === 0 ? [`*${empty}*`] : cards.flatMap(cardLines);
}

function about(m: SummaryModel): string[] {
  const w = m.workshop;
  const out = [
    `**Question:** ${mdText(w.question)}`,
    '',
    `**First activity:** ${dateWords(w.firstActivity)}. **Last activity:** ${dateWords(w.lastActivity)}.`,
    '',
    `**Facilitated by:** ${m.facilitators.map((f) => mdText(f.label)).join(', ') || 'not known'}`,
    '',
    '| Group | Joined | Took an active part |',
    '| --- | ---: | ---: |',
  ];
  for (const g of m.takingPart.groups)
    out.push(
      `| ${takingPartLabel(g.group)}${g.small ? ' (fewer than three)' : ''} | ${g.joined} | ${g.contributed} |`,
    );
  const names = m.takingPart.names.map((n) => `${mdText(n.name)} (${GROUP_LABEL[n.group]})`);
  out.push(
    '',
    names.length ? `**Named with their agreement:** ${names.join(', ')}` : '*Nobody is named.*',
  );
  return out;
}

function balance(m: SummaryModel): string[] {
  const out = [
    '| Section | Lived experience characters | Staff characters | Lived experience cards | Staff cards | Joint cards |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of m.balance.sections) {
    const total = s.chars.people + s.chars.system;
    const share = (n: number) => (total === 0 ? '0' : `${n} (${percent(n / total)})`);
    out.push(
      `| ${s.title} | ${share(s.chars.people)} | ${share(s.chars.system)} | ${s.cards.people} | ${s.cards.system} | ${s.cards.joint} |`,
    );
  }
  out.push('', '### Turnout by round', '');
  if (m.balance.rounds.length === 0) out.push('*No voting rounds.*');
  else {
    out.push(
      '| Round | Section | Lived experience voted | Staff voted | Note |',
      '| --- | --- | ---: | ---: | --- |',
    );
    for (const r of m.balance.rounds) {
      const t = r.turnout;
      out.push(
        `| ${r.number} (${r.status}) | ${r.section === 'priorities' ? 'Joint priorities' : 'Quality indicators'} | ${t.people.voted} of ${t.people.eligible} | ${t.system.voted} of ${t.system.eligible} | ${mdText(r.basisNote)} |`,
      );
    }
  }
  return out;
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
    ...list(m.decisions, 'No decisions yet.'),
    '',
    `## 5. ${H.indicators}`,
    '',
    ...list(m.indicators, 'No quality indicators yet.'),
    '',
    `## 6. ${H.youSaid}`,
    '',
    ...(m.youSaidWeDid.length === 0
      ? ['*No priorities yet.*']
      : m.youSaidWeDid.map(
          (y) => `- ${mdText(y.text)}: ${y.outcome ? mdText(y.outcome) : 'still open'}`,
        )),
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
