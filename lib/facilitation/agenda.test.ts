import { describe, expect, it } from 'vitest';
import {
  type Agenda,
  agendaEditSchema,
  agendaSchema,
  currentStep,
  defaultAgenda,
  editAgenda,
  goTo,
  MAX_STEPS,
  nextStep,
  stepRules,
  votingClosedMessage,
} from './agenda';
import { emptyFacilitation, type FacilitationState, facilitationSchema } from './state';

const ok = (r: ReturnType<typeof editAgenda>): Agenda => {
  if (!r.ok) throw new Error(r.message);
  return r.agenda;
};
const ids = (a: Agenda) => a.steps.map((s) => s.id);

describe('agenda edits (issue 11)', () => {
  it('[I51] starts with the six default steps, not running', () => {
    const a = defaultAgenda();
    expect(a.steps.map((s) => s.title)).toEqual([
      'Welcome and context',
      'Ideas',
      'Prioritise',
      'Decide',
      'Quality indicators',
      'Review',
    ]);
    expect(a.current).toBeNull();
    expect(stepRules(a)).toBeNull();
    expect(agendaSchema.parse(a)).toEqual(a);
    // A state stored before the agenda existed gets the default one.
    const old = emptyFacilitation() as Partial<FacilitationState>;
    delete old.agenda;
    expect(facilitationSchema.parse(old).agenda).toEqual(a);
  });

  it('[I51] adds, renames, reorders and removes steps', () => {
    let a = ok(editAgenda(defaultAgenda(), { op: 'add', title: 'Break', asks: '' }, () => 0.5));
    const added = a.steps.at(-1);
    expect(added?.title).toBe('Break');
    expect(added?.adding).toEqual([]);
    a = ok(editAgenda(a, { op: 'rename', id: added?.id ?? '', title: 'Tea break' }));
    expect(a.steps.at(-1)?.title).toBe('Tea break');
    a = ok(editAgenda(a, { op: 'move', id: 'ideas', by: -1 }));
    expect(ids(a).slice(0, 2)).toEqual(['ideas', 'welcome']);
    // Moving the first step up changes nothing.
    expect(ids(ok(editAgenda(a, { op: 'move', id: 'ideas', by: -1 })))).toEqual(ids(a));
    a = ok(editAgenda(a, { op: 'remove', id: 'welcome' }));
    expect(ids(a)).not.toContain('welcome');
  });

  it('[I51] opening a section for adding opens it for editing too; sections keep board order', () => {
    const edit = agendaEditSchema.parse({
      op: 'rules',
      id: 'review',
      rules: { adding: ['indicators', 'context'], editing: [], voting: true, writePrivately: true },
    });
    const a = ok(editAgenda(defaultAgenda(), edit));
    const review = a.steps.find((s) => s.id === 'review');
    expect(review?.adding).toEqual(['context', 'indicators']);
    expect(review?.voting).toBe(true);
    expect(review?.writePrivately).toBe(true);
    expect(stepRules({ ...a, current: 'review' })?.editing).toEqual(['context', 'indicators']);
  });

  it('[I51] refuses more than 20 steps, removing the last or the current step, unknown steps', () => {
    let a = defaultAgenda();
    while (a.steps.length < MAX_STEPS) a = ok(editAgenda(a, { op: 'add', title: 'x', asks: '' }));
    const full = editAgenda(a, { op: 'add', title: 'one more', asks: '' });
    expect(full.ok ? 'ok' : full.message).toMatch(/at most 20/);
    const current = editAgenda({ ...a, current: 'ideas' }, { op: 'remove', id: 'ideas' });
    expect(current.ok).toBe(false);
    const only = { current: null, steps: defaultAgenda().steps.slice(0, 1) };
    expect(editAgenda(only, { op: 'remove', id: 'welcome' }).ok).toBe(false);
    expect(editAgenda(a, { op: 'rename', id: 'nope', title: 'x' }).ok).toBe(false);
  });

  it('[I51] validates titles: trimmed, not empty, at most 80 characters', () => {
    expect(agendaEditSchema.safeParse({ op: 'add', title: '   ' }).success).toBe(false);
    expect(agendaEditSchema.safeParse({ op: 'add', title: 'x'.repeat(81) }).success).toBe(false);
    const parsed = agendaEditSchema.parse({ op: 'add', title: '  Lunch  ' });
    expect(parsed).toEqual({ op: 'add', title: 'Lunch', asks: '' });
    expect(agendaEditSchema.safeParse({ op: 'move', id: 'ideas', by: 3 }).success).toBe(false);
  });
});

describe('moving through the agenda (issue 11)', () => {
  it('[I53] moves only from the step the facilitator saw; asking for the current step is a no-op', () => {
    const a = defaultAgenda();
    const started = ok(goTo(a, { from: null, to: 'welcome' }));
    expect(currentStep(started)?.title).toBe('Welcome and context');
    expect(nextStep(started)?.id).toBe('ideas');
    const next = ok(goTo(started, { from: 'welcome', to: 'ideas' }));
    // A second facilitator pressed Next on the same step: same result, nothing changes.
    expect(ok(goTo(next, { from: 'welcome', to: 'ideas' }))).toEqual(next);
    // A stale Back is refused with words saying where the room is.
    const stale = goTo(next, { from: 'welcome', to: 'review' });
    expect(stale.ok ? 'ok' : stale.reason).toBe('agendaMoved');
    expect(stale.ok ? '' : stale.message).toContain('"Ideas"');
    const ended = ok(goTo(next, { from: 'ideas', to: null }));
    expect(stepRules(ended)).toBeNull();
    expect(goTo(ended, { from: null, to: 'gone' }).ok).toBe(false);
  });

  it('[I54] says which step opens voting while another is current', () => {
    const a = { ...defaultAgenda(), current: 'ideas' };
    expect(votingClosedMessage(a)).toBe(
      'Voting is not open in this step. Voting opens in the "Prioritise" step.',
    );
    expect(votingClosedMessage({ ...a, current: 'prioritise' })).toBeNull();
    expect(votingClosedMessage(defaultAgenda())).toBeNull();
  });
});
