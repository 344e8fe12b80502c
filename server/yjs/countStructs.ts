/**
 * Counts the structs of a Yjs v1 update by skipping over them, without building any object:
 * the cheapest check (I18), so a frame over FRAME_LIMITS.structs is refused before
 * `Y.decodeUpdate` spends time proportional to its size on objects nobody will use.
 * Follows the v1 layout `Item.write` and the content classes produce.
 */
import * as decoding from 'lib0/decoding';

function skipString(d: decoding.Decoder): void {
  const len = decoding.readVarUint(d);
  d.pos += len;
}

function skipContent(d: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted: length
      decoding.readVarUint(d);
      return;
    case 2: {
      // JSON: count, then strings
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipString(d);
      return;
    }
    case 3: // binary
    case 4: // string
    case 5: // embed (JSON string)
      skipString(d);
      return;
    case 6: // format: key and value
      skipString(d);
      skipString(d);
      return;
    case 7: {
      // type: its ref, and a name for XML elements and hooks
      const typeRef = decoding.readVarUint(d);
      if (typeRef === 3 || typeRef === 5) skipString(d);
      return;
    }
    case 8: {
      // any: count, then values
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readAny(d);
      return;
    }
    case 9: // subdocument: guid and options
      skipString(d);
      decoding.readAny(d);
      return;
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

function skipStruct(d: decoding.Decoder): void {
  const info = decoding.readUint8(d);
  const ref = info & 0x1f;
  if (ref === 0 || ref === 10) {
    decoding.readVarUint(d); // GC or skip: a length
    return;
  }
  const hasOrigin = (info & 0x80) !== 0;
  const hasRight = (info & 0x40) !== 0;
  if (hasOrigin) {
    decoding.readVarUint(d);
    decoding.readVarUint(d);
  }
  if (hasRight) {
    decoding.readVarUint(d);
    decoding.readVarUint(d);
  }
  if (!hasOrigin && !hasRight) {
    if (decoding.readVarUint(d) === 1) skipString(d);
    else {
      decoding.readVarUint(d);
      decoding.readVarUint(d);
    }
    if ((info & 0x20) !== 0) skipString(d);
  }
  skipContent(d, ref);
}

/**
 * How many structs `update` holds, stopping early once past `cap` (returns cap + 1);
 * null when the bytes do not read as a v1 update (the decoder then says why).
 */
export function countStructs(update: Uint8Array, cap: number): number | null {
  try {
    const d = decoding.createDecoder(update);
    const groups = decoding.readVarUint(d);
    let count = 0;
    for (let g = 0; g < groups; g++) {
      const n = decoding.readVarUint(d);
      count += n;
      if (count > cap) return cap + 1;
      decoding.readVarUint(d); // client
      decoding.readVarUint(d); // clock
      for (let i = 0; i < n; i++) skipStruct(d);
      if (d.pos > update.length) return null;
    }
    return count;
  } catch {
    return null;
  }
}
