/**
 * The workshop's agenda (issue 11): the steps a facilitator moves the room through, each
 * saying which sections are open for adding and for editing and whether voting is open.
 * Pure: the server applies these edits to the stored facilitation state (I51–I54) and
 * the update inspection reads `stepRules` (I52).
 */
import { z } from 'zod';
import { SECTIONS, type Section } from '../board/sections';
import { fail } from '../protocol/reasons';

export const MAX_STEPS = 20;
export const MAX_STEP_TITLE = 80;
export const MAX_STEP_ASKS = 200;

const stepId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
const sections = z
  .array(z.enum(SECTIONS))
  .max(SECTIONS.length)
  .transform((list) => SECTIONS.filter((s) => list.includes(s)));

/** What a step lets people do. Sections open for adding are open for editing too. */
export const stepRulesSchema = z.object({
  adding: sections,
  editing: sections,
  voting: z.boolean(),
  /** "Write on your own first": stored and shown; private writing uses it (h/private). */
  writePrivately: z.boolean(),
});
export type StepRules = z.infer<typeof stepRulesSchema>;

const title = z.string().trim().min(1, 'A step needs a title.').max(MAX_STEP_TITLE);
const asks = z.string().trim().max(MAX_STEP_ASKS);

export const agendaStepSchema = stepRulesSchema.extend({ id: stepId, title, asks });
export type AgendaStep = z.infer<typeof agendaStepSchema>;

/** The agenda; `current` is the step the room is in, null before it starts or once it ends. */
export const agendaSchema = z.object({
  steps: z.array(agendaStepSchema).min(1).max(MAX_STEPS),
  current: stepId.nullable(),
});
export type Agenda = z.infer<typeof agendaSchema>;

/** One edit a facilitator makes to the agenda. */
export const agendaEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), title, asks: asks.default('') }),
  z.object({ op: z.literal('remove'), id: stepId }),
  z.object({ op: z.literal('rename'), id: stepId, title, asks: asks.optional() }),
  z.object({ op: z.literal('move'), id: stepId, by: z.union([z.literal(-1), z.literal(1)]) }),
  z.object({ op: z.literal('rules'), id: stepId, rules: stepRulesSchema }),
]);
export type AgendaEdit = z.infer<typeof agendaEditSchema>;

/** Move the room: `from` is the step the facilitator was looking at (compare-and-set). */
export const agendaGoSchema = z.object({ from: stepId.nullable(), to: stepId.nullable() });
export type AgendaGo = z.infer<typeof agendaGoSchema>;

type Failure = ReturnType<typeof fail>;
type Outcome = { ok: true; agenda: Agenda } | Failure;

const step = (
  id: string,
  t: string,
  a: string,
  adding: Section[],
  editing: Section[],
  extra: Partial<StepRules> = {},
): AgendaStep => ({
  id,
  title: t,
  asks: a,
  adding,
  editing,
  voting: false,
  writePrivately: false,
  ...extra,
});

/** The agenda every workshop starts with (issue 11), not yet started. */
export function defaultAgenda(): Agenda {
  return {
    current: null,
    steps: [
      step(
        'welcome',
        'Welcome and context',
        'Read the context and add any questions you have.',
        ['context'],
        ['context'],
      ),
      step(
        'ideas',
        'Ideas',
        'Write down what you think we should work on first.',
        ['priorities'],
        ['priorities'],
        { writePrivately: true },
      ),
      step(
        'prioritise',
        'Prioritise',
        'Put your dots on the ideas that matter most to you.',
        [],
        [],
        { voting: true },
      ),
      step(
        'decide',
        'Decide',
        'Agree what we will do, who decided it and why.',
        ['decisions'],
        ['decisions'],
      ),
      step(
        'indicators',
        'Quality indicators',
        'Say how we will know the service is good.',
        ['indicators'],
        ['indicators'],
      ),
      step(
        'review',
        'Review',
        'Read the whole board together and check you agree.',
        [],
        [...SECTIONS],
      ),
    ],
  };
}

/** Adding implies editing: you could not write in a card you were allowed to add. */
function normalRules<T extends StepRules>(r: T): T {
  return { ...r, editing: SECTIONS.filter((s) => r.editing.includes(s) || r.adding.includes(s)) };
}

/** Why a card action (delete, restore a version) is refused in a closed section (I52). */
export const STEP_CLOSED_CARD =
  'This step of the agenda does not let you change cards in this section.';

const notFound = () => fail('invalidInput', 'That step is no longer on the agenda.');

/** A step id not used in `agenda`. */
function freshId(agenda: Agenda, random: () => number): string {
  for (;;) {
    const id = `s${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!agenda.steps.some((s) => s.id === id)) return id;
  }
}

/** Apply one edit; expected failures (too many steps, unknown step) are values. */
export function editAgenda(agenda: Agenda, edit: AgendaEdit, random = Math.random): Outcome {
  const steps = [...agenda.steps];
  if (edit.op === 'add') {
    if (steps.length >= MAX_STEPS)
      return fail('invalidInput', `An agenda can have at most ${MAX_STEPS} steps.`);
    steps.push(step(freshId(agenda, random), edit.title, edit.asks, [], []));
    return { ok: true, agenda: { ...agenda, steps } };
  }
  const at = steps.findIndex((s) => s.id === edit.id);
  const found = steps[at];
  if (!found) return notFound();
  switch (edit.op) {
    case 'remove':
      if (steps.length === 1) return fail('invalidInput', 'An agenda needs at least one step.');
      if (agenda.current === edit.id)
        return fail('invalidInput', 'Move to another step before you remove this one.');
      steps.splice(at, 1);
      break;
    case 'rename':
      steps[at] = { ...found, title: edit.title, asks: edit.asks ?? found.asks };
      break;
    case 'move': {
      const other = steps[at + edit.by];
      if (!other) return { ok: true, agenda };
      steps[at] = other;
      steps[at + edit.by] = found;
      break;
    }
    case 'rules':
      steps[at] = { ...found, ...normalRules(edit.rules) };
      break;
  }
  return { ok: true, agenda: { ...agenda, steps } };
}

/**
 * Move the room to step `to` (null ends the agenda) if it is still at `from`. Two
 * facilitators pressing Next together both send the same `from`: the first moves the
 * room, the second asks for the step already current and is a no-op (I53).
 */
export function goTo(agenda: Agenda, move: AgendaGo): Outcome {
  if (move.to !== null && !agenda.steps.some((s) => s.id === move.to)) return notFound();
  if (agenda.current === move.to) return { ok: true, agenda };
  if (agenda.current !== move.from) {
    const now = currentStep(agenda);
    return fail(
      'agendaMoved',
      now
        ? `Another facilitator has already moved the room to "${now.title}". Check the step, then try again.`
        : 'Another facilitator has already ended the agenda. Check it, then try again.',
    );
  }
  return { ok: true, agenda: { ...agenda, current: move.to } };
}

/** The step the room is in, or null when the agenda is not running. */
export function currentStep(agenda: Agenda): AgendaStep | null {
  return agenda.steps.find((s) => s.id === agenda.current) ?? null;
}

/** The step after the current one, or null (none, or not running). */
export function nextStep(agenda: Agenda): AgendaStep | null {
  const i = agenda.steps.findIndex((s) => s.id === agenda.current);
  return i < 0 ? null : (agenda.steps[i + 1] ?? null);
}

/** The step before the current one, or null. */
export function previousStep(agenda: Agenda): AgendaStep | null {
  const i = agenda.steps.findIndex((s) => s.id === agenda.current);
  return i <= 0 ? null : (agenda.steps[i - 1] ?? null);
}

/** What the board allows now: the current step's rules, or null (no limits) when not running. */
export function stepRules(agenda: Agenda): AgendaStep | null {
  const s = currentStep(agenda);
  return s && normalRules(s);
}

/** The title of the first step that opens voting, to tell people when they can vote. */
export function votingStepTitle(agenda: Agenda): string | null {
  return agenda.steps.find((s) => s.voting)?.title ?? null;
}

/** Why voting is closed now, in plain words, or null when it is open (I54). */
export function votingClosedMessage(agenda: Agenda): string | null {
  const now = stepRules(agenda);
  if (!now || now.voting) return null;
  const opens = votingStepTitle(agenda);
  return opens
    ? `Voting is not open in this step. Voting opens in the "${opens}" step.`
    : 'Voting is not open in this step.';
}
