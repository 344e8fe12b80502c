/**
 * Control-channel events for people and links (issue 8 §4, §6, §7; issue 13): the
 * facilitators' people list as small changes, removal, erasure, new and capped links,
 * rotating a personal link, editing, closing and deleting a workshop.
 */
import { z } from 'zod';
import type { Capability, Group } from '../roles';
import type { Ack } from './events';

/** Someone who has joined, as facilitators see them (the visibility policy labels them). */
export interface PersonView {
  /** Opaque and stable ("people-2"): never a participant id. Facilitator actions name it. */
  key: string;
  group: Group | null;
  capability: Capability;
  /** Their name, or "Participant 2 (lived experience)" when they chose to hide it. */
  label: string;
  /** What the person said would help them take part; only facilitators receive it. */
  accessNeeds: string | null;
  joinedAt: string;
  /** The invite link they joined through; null for the workshop's creator. */
  inviteId: string | null;
  /** True once their personal data has been erased. */
  erased: boolean;
}

/** The workshop's own editable facts, sent to everyone when they change. */
export interface WorkshopView {
  title: string;
  question: string;
  closedAt: string | null;
}

const key = z.string().min(1).max(64);
export const personRefSchema = z.object({ key });
export const inviteCreateSchema = z.object({ kind: z.enum(['people', 'system', 'observer']) });
export const inviteCapSchema = z.object({
  inviteId: z.string().min(1).max(64),
  maxJoins: z.number().int().min(1).max(10_000).nullable(),
});
export const workshopEditSchema = z.object({
  title: z.string().trim().min(1, 'Give the workshop a title.').max(120),
  question: z.string().trim().min(1, 'Write the question for the workshop.').max(500),
});
export const workshopCloseSchema = z.object({ closed: z.boolean() });
export const workshopDeleteSchema = z.object({ confirm: z.literal(true) });
export const emptySchema = z.object({}).strict();

/** Server → client events of this module. */
export interface PeopleServerEvents {
  /** Facilitators only, once on connect: everyone who has joined. */
  'people:update': (people: PersonView[]) => void;
  /** Facilitators only: one person joined. */
  'people:join': (person: PersonView) => void;
  /** Facilitators only: one person changed (erased) or left the list (`person` null). */
  'people:change': (change: { key: string; person: PersonView | null }) => void;
  /** Everyone: the workshop's title, question or closed state changed. */
  'workshop:update': (w: WorkshopView) => void;
}

/** Client → server events of this module; each answers through its acknowledgement. */
export interface PeopleClientEvents {
  'person:remove': (p: z.infer<typeof personRefSchema>, ack: (r: Ack) => void) => void;
  'person:erase': (p: z.infer<typeof personRefSchema>, ack: (r: Ack) => void) => void;
  /** Erase your own name and access needs (any participant). */
  'me:erase': (p: z.infer<typeof emptySchema>, ack: (r: Ack) => void) => void;
  /** Replace your own personal link (answers its path, /p/…); the old one stops working. */
  'me:rotateLink': (
    p: z.infer<typeof emptySchema>,
    ack: (r: Ack<{ path: string }>) => void,
  ) => void;
  'invite:create': (p: z.infer<typeof inviteCreateSchema>, ack: (r: Ack) => void) => void;
  'invite:cap': (p: z.infer<typeof inviteCapSchema>, ack: (r: Ack) => void) => void;
  'workshop:edit': (p: z.infer<typeof workshopEditSchema>, ack: (r: Ack) => void) => void;
  'workshop:close': (p: z.infer<typeof workshopCloseSchema>, ack: (r: Ack) => void) => void;
  'workshop:delete': (p: z.infer<typeof workshopDeleteSchema>, ack: (r: Ack) => void) => void;
}
