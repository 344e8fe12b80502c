/**
 * The roster: which group (and, when allowed, which name) each Yjs clientID belongs to.
 * Filled only from server messages, so nobody's colour is a guess (DESIGN §3).
 */
import type { RosterEntry } from '../protocol/yjsMessages';
import type { Group } from '../roles';

/** clientID → roster entry, with helpers the colour rule and UI use. */
export class Roster {
  private readonly entries = new Map<number, RosterEntry>();

  /** Add or replace entries; returns true when anything changed. */
  add(entries: readonly RosterEntry[]): boolean {
    let changed = false;
    for (const e of entries) {
      const old = this.entries.get(e.clientId);
      if (!old || old.group !== e.group || old.name !== e.name || old.author !== e.author) {
        this.entries.set(e.clientId, e);
        changed = true;
      }
    }
    return changed;
  }

  /** The group that wrote under `clientId`, or undefined when not yet known. */
  groupOf = (clientId: number): Group | undefined => this.entries.get(clientId)?.group;

  /** The full entry for a clientID. */
  get(clientId: number): RosterEntry | undefined {
    return this.entries.get(clientId);
  }

  get size(): number {
    return this.entries.size;
  }
}
