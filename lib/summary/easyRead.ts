/**
 * The easy-read version (issue 10): one idea per sentence, short everyday words, an icon
 * beside each point, and the main decisions first. People's own words (card text) are kept
 * as quotes, never rewritten. Renderers set large type and generous spacing.
 */
import { ACTION_STATUS_LABEL } from '../protocol/recordEvents';
import type { IconName } from './icons';
import type {
  SummaryCard,
  SummaryDecision,
  SummaryIndicator,
  SummaryModel,
  SummaryYouSaid,
} from './schema';

/** The longest sentence we write ourselves, in words (card quotes are people's own words). */
export const EASY_READ_MAX_WORDS = 15;

/** One point: an icon, our short sentences, and maybe someone's words as a quote. */
export interface EasyReadPoint {
  icon: IconName;
  sentences: string[];
  quote?: string;
}

/** One part of the easy-read document. */
export interface EasyReadPart {
  heading: string;
  points: EasyReadPoint[];
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function agreed(c: SummaryCard): string {
  if (c.agreement === 'agreed') return 'Both groups agree with these words.';
  if (c.agreement === 'drifted') return 'One group changed these words after both agreed.';
  if (c.colour === 'joint') return 'Both groups wrote this together.';
  return c.colour === 'people' ? 'People with lived experience wrote this.' : 'Staff wrote this.';
}

function cardPoints(cards: SummaryCard[], icon: (c: SummaryCard) => IconName): EasyReadPoint[] {
  return cards.map((c) => ({ icon: icon(c), quote: c.text, sentences: [agreed(c)] }));
}

/** An action's state in short sentences, keyed by the status words the model carries. */
const ACTION_WORDS: Record<string, string[]> = {
  [ACTION_STATUS_LABEL.notStarted]: ['Someone will do this.', 'They have not started yet.'],
  [ACTION_STATUS_LABEL.inProgress]: ['Someone is doing this now.'],
  [ACTION_STATUS_LABEL.done]: ['This is done.'],
  [ACTION_STATUS_LABEL.dropped]: ['We stopped doing this.'],
};

function actionWords(a: SummaryDecision['actions'][number]): string[] {
  return ACTION_WORDS[a.status] ?? ['Someone will do this.', `Now it is: ${a.status}.`];
}

/** A decision: its words, the answer, and each action as its own point. */
function decisionPoints(d: SummaryDecision): EasyReadPoint[] {
  const sentences = [d.outcome ? `The answer is: ${d.outcome}.` : 'We have not decided yet.'];
  if (d.againstLivedExperience)
    sentences.push(
      'This is not what people with lived experience asked for.',
      'We wrote down why.',
    );
  const points: EasyReadPoint[] = [{ icon: 'decision', quote: d.proposal, sentences }];
  if (d.againstLivedExperience && d.rationale)
    points.push({ icon: 'info', quote: d.rationale, sentences: ['This is why.'] });
  for (const a of d.actions)
    points.push({ icon: 'action', quote: `${a.text} (${a.owner})`, sentences: actionWords(a) });
  return points;
}

function indicatorPoint(i: SummaryIndicator): EasyReadPoint {
  const n = i.readings.length;
  return {
    icon: 'indicator',
    quote: i.text,
    sentences: [
      i.adoption.adopted
        ? 'Both groups agreed to use this.'
        : 'Both groups have not agreed this yet.',
      n ? `We checked it ${plural(n, 'time', 'times')}.` : 'We have not checked it yet.',
    ],
  };
}

const YOU_SAID: Record<SummaryYouSaid['status'], string> = {
  decided: 'We made a decision about this.',
  underway: 'We are working on this.',
  closed: 'We cannot do this.',
  open: 'This is still open.',
};

function youSaidPoint(y: SummaryYouSaid): EasyReadPoint {
  return {
    icon: y.status === 'open' ? 'info' : 'action',
    quote: y.status === 'closed' ? `${y.text}. ${y.outcome}` : y.text,
    sentences: [YOU_SAID[y.status], ...(y.status === 'closed' ? ['We wrote down why.'] : [])],
  };
}

function whoTookPart(m: SummaryModel): EasyReadPoint[] {
  const [people, system] = m.takingPart.groups;
  return [
    {
      icon: 'people',
      sentences: [
        `${plural(people?.joined ?? 0, 'person', 'people')} with lived experience took part.`,
      ],
    },
    {
      icon: 'system',
      sentences: [`${plural(system?.joined ?? 0, 'member', 'members')} of staff took part.`],
    },
  ];
}

/** Build the easy-read parts from the summary model. */
export function easyRead(m: SummaryModel): { title: string; parts: EasyReadPart[] } {
  const none = (s: string): EasyReadPoint[] => [{ icon: 'info', sentences: [s] }];
  const parts: EasyReadPart[] = [
    {
      heading: 'What we decided',
      points: m.decisions.length
        ? [
            {
              icon: 'decision',
              sentences: [`We wrote down ${plural(m.decisions.length, 'decision', 'decisions')}.`],
            },
            ...m.decisions.flatMap(decisionPoints),
          ]
        : none('We have not written down any decisions yet.'),
    },
    {
      heading: 'What matters most',
      points: m.priorities.length
        ? [
            {
              icon: 'joint',
              sentences: [
                'These are the things to work on first.',
                ...(m.priorities[0]?.vote ? ['The first one got the most votes.'] : []),
              ],
            },
            ...cardPoints(m.priorities, (c) => c.colour),
          ]
        : none('We have not chosen what matters most yet.'),
    },
    {
      heading: 'How we will check the service',
      points: m.indicators.length
        ? m.indicators.map(indicatorPoint)
        : none('We have not agreed how to check the service yet.'),
    },
    {
      heading: 'What happens next',
      points: [
        {
          icon: 'action',
          sentences: ['This is what we did about each thing you said.'],
        },
        ...m.youSaidWeDid.map(youSaidPoint),
      ],
    },
    { heading: 'Who took part', points: whoTookPart(m) },
    {
      heading: 'What this does not say',
      points: [
        {
          icon: 'info',
          sentences: [
            'We do not show names if people asked us not to.',
            'We do not share anyone’s access needs.',
          ],
        },
      ],
    },
  ];
  return { title: `What we did together: ${m.workshop.title}`, parts };
}
