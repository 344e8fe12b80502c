/**
 * The summary's phrases, shared by every renderer so the page, Markdown, DOCX and PDF say
 * the same thing: colour in words, agreement, votes, dates and shares.
 */
import { GROUP_LABEL } from '../roles';
import type { SummaryCard, SummaryModel, SummaryVote } from './schema';

/** A share 0–1 as a whole percentage, e.g. "40%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "Joint", "Lived experience" or "Staff": the card's colour in words. */
export function colourWords(card: Pick<SummaryCard, 'colour'>): string {
  return GROUP_LABEL[card.colour];
}

/** Whether both groups endorsed the wording, or it drifted since. */
export function agreementWords(card: SummaryCard): string {
  if (card.agreement === 'drifted')
    return `Changed by ${card.driftedBy ? GROUP_LABEL[card.driftedBy].toLowerCase() : 'one group'} since both groups agreed it`;
  if (card.agreement === 'agreed') return 'Both groups agreed this wording';
  return 'Not yet agreed by both groups';
}

/** What a divergent vote adds; the page shows it in bold, so it is kept apart. */
export const DIVERGENT_WORDS = 'The groups voted differently on this.';

/** A vote's figures: rank, dots per group, shares and balanced score, as one sentence. */
export function voteFigureWords(v: SummaryVote): string {
  const rank = `Rank ${v.rank}${v.tied ? ' (tied)' : ''}`;
  const dots = `lived experience ${v.dots.people} dots (${percent(v.shares.people)}), staff ${v.dots.system} dots (${percent(v.shares.system)})`;
  return `${rank}: ${dots}, balanced score ${percent(v.balancedScore)}.`;
}

/** A vote in one line: its figures, then whether the groups voted differently. */
export function voteWords(v: SummaryVote): string {
  return v.divergent ? `${voteFigureWords(v)} ${DIVERGENT_WORDS}` : voteFigureWords(v);
}

/** An ISO date-time as "1 December 2026", or "not known". */
export function dateWords(iso: string | null): string {
  if (!iso) return 'not known';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'not known';
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Draft" or "Final", with who it is for. */
export function statusWords(m: SummaryModel): string {
  const who = m.audience === 'facilitator' ? "Facilitator's version" : "Participants' version";
  return `${who}. ${m.status === 'final' ? 'Final.' : 'Draft: this may still change.'}`;
}

/** "Lived experience", "Staff" or "Observers" for a taking-part row. */
export function takingPartLabel(group: 'people' | 'system' | 'observer'): string {
  return group === 'observer' ? 'Observers' : GROUP_LABEL[group];
}

/** The section headings, in the order the issue gives them. */
export const SUMMARY_HEADINGS = {
  about: 'About this workshop',
  context: 'Context',
  priorities: 'Joint priorities',
  decisions: 'Decisions',
  indicators: 'Quality indicators',
  youSaid: 'You said, we did',
  balance: 'Balance',
  limits: 'What the summary cannot say',
} as const;
