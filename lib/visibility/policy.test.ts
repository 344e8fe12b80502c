import { describe, expect, it } from 'vitest';
import type { Capability, Group } from '../roles';
import {
  authorshipFor,
  deletedByLabel,
  groupOrdinals,
  groupSizes,
  identifiableNow,
  type PolicyPerson,
  peopleListLabel,
  presenceName,
} from './policy';

const person = (
  id: string,
  group: Group | null,
  anonymous = false,
  capability: Capability = 'contributor',
): PolicyPerson => ({ id, group, anonymous, name: `Name ${id}`, capability });

const VIEWERS: { label: string; viewer: PolicyPerson }[] = [
  { label: 'a staff contributor', viewer: person('viewer-s', 'system') },
  { label: 'an observer', viewer: person('viewer-o', null, false, 'observer') },
  { label: 'a facilitator', viewer: person('viewer-f', 'system', false, 'facilitator') },
];

/**
 * The table: Pat writes when the lived-experience group has `sizeThen` people, then
 * people join or leave until it has `sizeNow`; each viewer role asks who wrote it.
 */
const rows: { sizeThen: number; sizeNow: number; anonymous: boolean; shown: boolean }[] = [];
for (const anonymous of [false, true])
  for (let sizeThen = 1; sizeThen <= 4; sizeThen++)
    for (let sizeNow = 1; sizeNow <= 4; sizeNow++)
      rows.push({
        sizeThen,
        sizeNow,
        anonymous,
        shown: !anonymous && sizeThen >= 3 && sizeNow >= 3,
      });

describe('visibility policy', () => {
  for (const { label, viewer } of VIEWERS) {
    it.each(rows)(
      `[I12][I26] ${label}: group of $sizeThen when written, $sizeNow now, anonymous $anonymous → name shown $shown`,
      ({ sizeThen, sizeNow, anonymous, shown }) => {
        const pat = person('pat', 'people', anonymous);
        const then = identifiableNow(pat, { people: sizeThen, system: 2 });
        const seen = authorshipFor(viewer, pat, then, { people: sizeNow, system: 2 });
        expect(seen).toEqual(shown ? { author: 'pat', name: 'Name pat' } : {});
        const by = deletedByLabel(viewer, pat, then, { people: sizeNow, system: 2 });
        expect(by).toBe(shown ? 'Name pat' : 'A participant (Lived experience)');
      },
    );
  }

  it('[I26] the author always recognises their own writing, by id only when hidden', () => {
    const pat = person('pat', 'people');
    expect(authorshipFor(pat, pat, false, { people: 4, system: 0 })).toEqual({ author: 'pat' });
    expect(deletedByLabel(pat, pat, false, { people: 1, system: 0 })).toBe('You');
  });

  it('[I26] authorship hidden when written stays hidden after joins, leaves and joins again', () => {
    const pat = person('pat', 'people');
    const viewer = person('v', 'system');
    const timeline = [2, 3, 4, 2, 3, 4];
    const writtenAt2 = identifiableNow(pat, { people: 2, system: 0 });
    const writtenAt3 = identifiableNow(pat, { people: 3, system: 0 });
    const seen = timeline.map((n) => [
      authorshipFor(viewer, pat, writtenAt2, { people: n, system: 0 }).name ?? null,
      authorshipFor(viewer, pat, writtenAt3, { people: n, system: 0 }).name ?? null,
    ]);
    expect(seen).toEqual([
      [null, null],
      [null, 'Name pat'],
      [null, 'Name pat'],
      [null, null],
      [null, 'Name pat'],
      [null, 'Name pat'],
    ]);
  });

  it('[I12] presence hides anonymous names from everyone but the person', () => {
    const anon = person('a', 'people', true);
    expect(presenceName('someone', anon)).toBeUndefined();
    expect(presenceName('a', anon)).toBe('Name a');
    expect(presenceName('someone', person('b', 'system'))).toBe('Name b');
  });

  it('[I27] anonymous people get distinct, stable labels in the people list', () => {
    const at = (n: number) => `2026-01-01T00:00:0${n}Z`;
    const people = [
      { ...person('f', 'system', false, 'facilitator'), createdAt: at(0) },
      { ...person('x', 'people', true), createdAt: at(1) },
      { ...person('y', 'people', false), createdAt: at(2) },
      { ...person('z', 'people', true), createdAt: at(3) },
    ];
    const ord = groupOrdinals(people);
    const labels = people.map((p) => peopleListLabel(p, ord.get(p.id) ?? 0));
    expect(labels).toEqual([
      'Name f',
      'Participant 1 (lived experience)',
      'Name y',
      'Participant 3 (lived experience)',
    ]);
    // Stable: the same labels whatever order the rows come in.
    expect(groupOrdinals([...people].reverse())).toEqual(ord);
  });

  it('counts group sizes without removed people', () => {
    expect(
      groupSizes([
        { group: 'people' },
        { group: 'people', removedAt: '2026' },
        { group: 'system', removedAt: null },
        { group: null },
      ]),
    ).toEqual({ people: 1, system: 1 });
  });
});
