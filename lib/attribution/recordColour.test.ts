import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyFieldEdit, createRecord, fieldText } from '../board/records';
import { fieldColour, fieldCounts, recordCounts } from './recordColour';

const groupOf = (c: number) => (c === 1 ? 'people' : c === 2 ? 'system' : undefined);

function twoWriters() {
  const a = new Y.Doc();
  a.clientID = 1;
  const b = new Y.Doc();
  b.clientID = 2;
  const id = createRecord(a, 'indicator', 'indicators', { text: 'Fewer missed visits' });
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  applyFieldEdit(b, id, 'target', 'Nine in ten');
  applyFieldEdit(b, id, 'text', 'Fewer missed visits each month');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  return { a, id };
}

describe('[I70] colour per field', () => {
  it('counts each text field by who wrote it, and the record as their sum', () => {
    const { a, id } = twoWriters();
    const counts = fieldCounts(a, id, groupOf);
    expect(counts.get('text')).toEqual({ people: 19, system: 11, unknown: 0 });
    expect(counts.get('target')).toEqual({ people: 0, system: 11, unknown: 0 });
    expect(counts.get('measure')).toEqual({ people: 0, system: 0, unknown: 0 });
    expect(recordCounts(a, id, groupOf)).toEqual({ people: 19, system: 22, unknown: 0 });
    expect(fieldCounts(a, 'missing', groupOf).size).toBe(0);
  });

  it('colours each field by the card rule', () => {
    const { a, id } = twoWriters();
    const colour = (field: string, endorsed: ('people' | 'system')[] = []) =>
      fieldColour(fieldText(a, id, field) as Y.Text, groupOf, 'people', new Set(endorsed)).colour;
    expect(colour('text')).toBe('joint'); // each group wrote at least a fifth
    expect(colour('target')).toBe('system');
    expect(colour('measure')).toBe('people'); // empty: the record's creator
    expect(colour('target', ['people', 'system'])).toBe('joint');
  });
});
