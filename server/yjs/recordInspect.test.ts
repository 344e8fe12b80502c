/**
 * Inspection tests GENERATED from the schema table (issue 9, I67–I69): for every kind, every
 * field and every role, one write the table allows (accepted or refused by role) and the
 * values it never allows, so a new field in `lib/board/schema.ts` is tested without an edit.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CARD_KEYS,
  cardsMap,
  createCard,
  initBoard,
  orderAt,
  setCardDeleted,
} from '../../lib/board/doc';
import { applyFieldEdit, createRecord, setFieldValue } from '../../lib/board/records';
import {
  type FieldSpec,
  fieldsOf,
  RECORD_KINDS,
  type RecordKind,
  SECTION_KIND,
  textFieldsOf,
} from '../../lib/board/schema';
import { SECTIONS, type Section } from '../../lib/board/sections';
import type { Capability } from '../../lib/roles';
import { type InspectContext, type Inspection, inspectUpdate } from './inspectUpdate';

const ROLES: Capability[] = ['facilitator', 'contributor', 'observer'];
const HOME: Record<RecordKind, Section> = {
  card: 'context',
  decision: 'decisions',
  indicator: 'indicators',
};

/** The server's board: one record of each kind, live targets and a deleted one. */
function board() {
  const server = new Y.Doc();
  server.clientID = 0;
  initBoard(server, 'server');
  createCard(server, 'priorities', 'a priority', { id: 'p1' });
  createCard(server, 'context', 'some context', { id: 'x1' });
  createCard(server, 'priorities', 'gone', { id: 'pgone' });
  setCardDeleted(server, 'pgone', true, 'server');
  for (const kind of RECORD_KINDS) createRecord(server, kind, HOME[kind], { id: `r-${kind}` });
  return server;
}

let nextClient = 100;

/** Inspect the one update `fn` makes on a fresh copy of the server's doc, as `role`. */
function inspectAs(server: Y.Doc, role: Capability, fn: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  doc.clientID = nextClient++;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(doc);
  fn(doc);
  const ctx: InspectContext = {
    doc: server,
    bindings: new Map(),
    participantId: `someone-${role}`,
    mayWrite: role !== 'observer',
    capability: role,
    mode: 'update',
  };
  return inspectUpdate(Y.encodeStateAsUpdate(doc, sv), ctx);
}

const cardOf = (doc: Y.Doc, kind: RecordKind) => cardsMap(doc).get(`r-${kind}`) as Y.Map<unknown>;

/** A write the table allows for `field` of `kind` (by someone allowed to), or null. */
function goodWrite(kind: RecordKind, field: string, spec: FieldSpec): ((d: Y.Doc) => void) | null {
  const id = `r-${kind}`;
  switch (spec.kind) {
    case 'section':
      return (d) =>
        cardOf(d, kind).set(field, SECTIONS.find((s) => SECTION_KIND[s] === kind) as Section);
    case 'order':
      return (d) => cardOf(d, kind).set(field, orderAt(d, HOME[kind], 0, id));
    case 'text':
      return (d) => expect(applyFieldEdit(d, id, field, 'typed words')).toBe(true);
    case 'enum':
      return (d) => expect(setFieldValue(d, id, field, spec.values[0] as string)).toBe(true);
    case 'date':
      return (d) => expect(setFieldValue(d, id, field, '2027-01-31')).toBe(true);
    case 'links': {
      const target = spec.targets.includes('priorities') ? 'p1' : 'x1';
      return (d) => expect(setFieldValue(d, id, field, [target])).toBe(true);
    }
    default:
      return null; // kind and server fields: no write is ever allowed on a live record
  }
}

/** Values the table never allows for `field`, written raw so the client cannot stop them. */
function badWrites(
  kind: RecordKind,
  field: string,
  spec: FieldSpec,
): [string, (d: Y.Doc) => void][] {
  const set = (value: unknown) => (d: Y.Doc) => cardOf(d, kind).set(field, value);
  switch (spec.kind) {
    case 'section':
      return SECTIONS.filter((s) => SECTION_KIND[s] !== kind)
        .map((s): [string, (d: Y.Doc) => void] => [`into ${s}`, set(s)])
        .concat([['nowhere', set('nowhere')]]);
    case 'order':
      return [['a bad key', set('A!')]];
    case 'kind':
      return RECORD_KINDS.map((k): [string, (d: Y.Doc) => void] => [`to ${k}`, set(k)]);
    case 'text':
      return [
        ['a new Y.Text (lazily made)', set(new Y.Text('mine'))],
        ['a plain string', set('plain')],
        [
          'more than twice its cap',
          (d) =>
            (cardOf(d, kind).get(field) as Y.Text).insert(0, 'x'.repeat(spec.maxChars * 2 + 1)),
        ],
      ];
    case 'enum':
      return [
        ['a value not in the list', set('coin toss')],
        ['a list', set([spec.values[0]])],
        ['a number', set(1)],
      ];
    case 'date':
      return [
        ['not a day', set('next week')],
        ['no such day', set('2027-02-30')],
        ['a Y.Text', set(new Y.Text('2027-01-01'))],
      ];
    case 'links':
      return [
        ['a deleted card', set(['pgone'])],
        ['an unknown card', set(['nobody'])],
        ['a card twice', set(['p1', 'p1'])],
        ['too many', set(Array.from({ length: spec.max + 1 }, (_, i) => `p${i}`))],
        [
          'a record of the wrong section',
          set([`r-${kind === 'decision' ? 'indicator' : 'decision'}`]),
        ],
        ['not a list', set('p1')],
      ];
    default:
      return [['any value', set(true)]];
  }
}

function mayWrite(role: Capability, spec: FieldSpec): boolean {
  if (role === 'observer' || spec.write === 'server') return false;
  return spec.write === 'writer' || role === 'facilitator';
}

const outcome = (r: ReturnType<typeof inspectUpdate>) => (r.ok ? 'accepted' : 'refused');

describe('[I68] every kind × field × role, generated from the schema table', () => {
  for (const kind of RECORD_KINDS) {
    for (const [field, spec] of Object.entries(fieldsOf(kind))) {
      const write = goodWrite(kind, field, spec);
      for (const role of ROLES) {
        const allowed = write !== null && mayWrite(role, spec);
        it(`${kind}.${field} (${spec.kind}, ${spec.write}) by a ${role}: ${allowed ? 'accepted' : 'refused'}`, () => {
          const server = board();
          const r = inspectAs(server, role, write ?? ((d) => cardOf(d, kind).set(field, 'x')));
          expect(outcome(r)).toBe(allowed ? 'accepted' : 'refused');
          if (r.ok && spec.kind !== 'section' && spec.kind !== 'order') {
            // A content write is attributed to its record and field (I70).
            expect([
              ...((r as Inspection).fieldAttributions.get(`r-${kind}`)?.keys() ?? []),
            ]).toEqual([field]);
          }
        });
      }
      for (const [what, bad] of badWrites(kind, field, spec)) {
        it(`${kind}.${field}: refuses ${what}, even from a facilitator`, () => {
          expect(outcome(inspectAs(board(), 'facilitator', bad))).toBe('refused');
        });
      }
    }
  }
});

describe('[I67][I69] creating records', () => {
  for (const kind of RECORD_KINDS) {
    for (const role of ROLES) {
      const allowed = role !== 'observer';
      it(`a ${kind} created by a ${role}: ${allowed ? 'accepted' : 'refused'}`, () => {
        const r = inspectAs(board(), role, (d) =>
          createRecord(d, kind, HOME[kind], { text: 'new', id: 'fresh' }),
        );
        expect(outcome(r)).toBe(allowed ? 'accepted' : 'refused');
        if (r.ok) expect(r.createdCards).toEqual(['fresh']);
      });
    }

    it(`a ${kind} in a section of another kind is refused`, () => {
      for (const section of SECTIONS.filter((s) => SECTION_KIND[s] !== kind)) {
        const r = inspectAs(board(), 'facilitator', (d) => rawRecord(d, kind, section));
        expect(outcome(r)).toBe('refused');
      }
      expect(
        outcome(inspectAs(board(), 'facilitator', (d) => rawRecord(d, kind, HOME[kind]))),
      ).toBe('accepted');
    });

    for (const field of textFieldsOf(kind)) {
      it(`a ${kind} created without its "${field}" text field is refused`, () => {
        const r = inspectAs(board(), 'facilitator', (d) => rawRecord(d, kind, HOME[kind], field));
        expect(r.ok ? 'accepted' : r.detail).toMatch(new RegExp(`"${field}"`));
      });
    }
  }

  it('a record without `kind` is a card (as on a version 1 board)', () => {
    const noKind = (section: Section) => (d: Y.Doc) =>
      d.transact(() => {
        const card = new Y.Map<unknown>();
        card.set(CARD_KEYS.section, section);
        card.set(CARD_KEYS.order, 'a0');
        card.set(CARD_KEYS.text, new Y.Text('old client'));
        cardsMap(d).set('old', card);
      });
    expect(outcome(inspectAs(board(), 'contributor', noKind('priorities')))).toBe('accepted');
    expect(outcome(inspectAs(board(), 'contributor', noKind('decisions')))).toBe('refused');
  });

  it('links set at creation are checked like any links write', () => {
    const make = (links: string[]) => (d: Y.Doc) =>
      createRecord(d, 'decision', 'decisions', { links, id: 'fresh' });
    expect(outcome(inspectAs(board(), 'contributor', make(['p1', 'x1'])))).toBe('accepted');
    expect(outcome(inspectAs(board(), 'contributor', make(['pgone'])))).toBe('refused');
    expect(outcome(inspectAs(board(), 'contributor', make(['nobody'])))).toBe('refused');
  });

  it('a contributor creates a decision’s facilitator fields empty, and may not fill them', () => {
    const fill = (d: Y.Doc) =>
      d.transact(() => {
        createRecord(d, 'decision', 'decisions', { id: 'fresh' });
        applyFieldEdit(d, 'fresh', 'powerHolder', 'Head of service');
      });
    expect(outcome(inspectAs(board(), 'contributor', fill))).toBe('refused');
    expect(outcome(inspectAs(board(), 'facilitator', fill))).toBe('accepted');
  });
});

describe('[I68] text fields by role', () => {
  it('a contributor may not delete what a facilitator wrote in a facilitator field', () => {
    const server = board();
    applyFieldEdit(server, 'r-decision', 'outOfHands', 'The budget');
    const r = inspectAs(server, 'contributor', (d) =>
      applyFieldEdit(d, 'r-decision', 'outOfHands', ''),
    );
    expect(r.ok ? 'accepted' : r.detail).toMatch(/only a facilitator/);
    expect(
      outcome(
        inspectAs(server, 'facilitator', (d) => applyFieldEdit(d, 'r-decision', 'outOfHands', '')),
      ),
    ).toBe('accepted');
  });

  it('counts characters per field and in the record’s total', () => {
    const r = inspectAs(board(), 'contributor', (d) =>
      d.transact(() => {
        applyFieldEdit(d, 'r-indicator', 'text', 'Fewer waits');
        applyFieldEdit(d, 'r-indicator', 'target', '90%');
        setFieldValue(d, 'r-indicator', 'reviewDate', '2027-06-01');
      }),
    ) as Inspection;
    expect(r.ok).toBe(true);
    expect(r.attributions.get('r-indicator')).toEqual({ inserted: 14, deleted: 0 });
    expect(Object.fromEntries(r.fieldAttributions.get('r-indicator') ?? [])).toEqual({
      text: { inserted: 11, deleted: 0 },
      target: { inserted: 3, deleted: 0 },
      reviewDate: { inserted: 0, deleted: 0 },
    });
  });

  it('lets a plain value be replaced twice in one update (last writer wins)', () => {
    const r = inspectAs(board(), 'facilitator', (d) =>
      d.transact(() => {
        setFieldValue(d, 'r-decision', 'rule', 'vote');
        setFieldValue(d, 'r-decision', 'rule', 'consent');
      }),
    );
    expect(outcome(r)).toBe('accepted');
    const server = board();
    setFieldValue(server, 'r-decision', 'rule', 'vote');
    expect(
      outcome(
        inspectAs(server, 'facilitator', (d) => setFieldValue(d, 'r-decision', 'rule', null)),
      ),
    ).toBe('accepted');
    // Deleting the value without replacing it is not a write the table allows.
    expect(
      outcome(inspectAs(server, 'facilitator', (d) => cardOf(d, 'decision').delete('rule'))),
    ).toBe('refused');
  });
});

/** A record built by hand: its kind in any section, optionally missing one text field. */
function rawRecord(d: Y.Doc, kind: RecordKind, section: Section, without?: string): void {
  d.transact(() => {
    const card = new Y.Map<unknown>();
    card.set(CARD_KEYS.section, section);
    card.set(CARD_KEYS.order, 'a0');
    card.set(CARD_KEYS.kind, kind);
    for (const field of textFieldsOf(kind)) if (field !== without) card.set(field, new Y.Text());
    cardsMap(d).set('raw', card);
  });
}
