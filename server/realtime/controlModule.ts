/**
 * The seam of the control channel: a feature is a module that registers its handlers,
 * welcomes each new socket and stops at shutdown. `Control` owns authentication, zod
 * validation, the session re-check and the acknowledgement; modules only decide.
 */
import type { z } from 'zod';
import type { Ack, ClientToServerEvents } from '../../lib/protocol/events';
import type { ParticipantRow } from '../store/Store';
import type { ControlServer, ControlSocket } from './control';

export type { ControlServer, ControlSocket };

/** Register one client event: its zod schema and what to do with a valid payload. */
export type Register = <S extends z.ZodType>(
  event: keyof ClientToServerEvents,
  schema: S,
  run: (p: ParticipantRow, data: z.infer<S>) => Promise<Ack>,
) => void;

/** One feature of the control channel. */
export interface ControlModule {
  /** Register every client event the feature handles. */
  attach(on: Register): void;
  /**
   * Send a newly connected socket what the feature shows, with `greet` (welcomeLetter.ts),
   * so it goes in the socket's one welcome message (I96).
   */
  welcome?(socket: ControlSocket): Promise<void>;
  /** Stop timers at shutdown. */
  stop?(): void;
}
