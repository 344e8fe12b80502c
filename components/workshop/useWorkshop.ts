'use client';
/**
 * The workshop control channel over socket.io: presence, agreement (endorsement) state,
 * deleted cards, invites, voting rounds, and the commands that one authority must decide.
 * The only place in the UI that opens the socket.io connection.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { textHash } from '../../lib/board/textHash';
import type {
  Ack,
  CardAgreement,
  CardHistoryView,
  ClientToServerEvents,
  DeletedCard,
  InviteView,
  OwnDeletedCard,
  PersonView,
  PresenceEntry,
  ServerToClientEvents,
} from '../../lib/protocol/events';
import type { WorkshopView } from '../../lib/protocol/peopleEvents';
import { PROTOCOL_VERSION, REASON_INFO } from '../../lib/protocol/reasons';
import { receiveWelcome } from '../../lib/protocol/welcome';
import { type CastAck, type CastRequest, castWithRetry } from '../vote/castWithRetry';
import {
  EMPTY_VOTING,
  type VotingState,
  withCast,
  withMine,
  withNotice,
  withResults,
  withTurnout,
} from '../vote/votingState';
import { watchHeartbeat } from './watchHeartbeat';

/** A gentle notice about one of your cards. */
export type CardNotice = Parameters<ServerToClientEvents['card:notice']>[0];

/** The typed control socket; modules' hooks (e.g. `useFacilitation`) attach their listeners to it. */
export type PurpleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A client module's listeners, attached as the socket is made; returns their removal. */
export type AttachModule = (socket: PurpleSocket) => () => void;

/** What `useWorkshop` returns. */
export interface Workshop {
  connected: boolean;
  presence: PresenceEntry[];
  agreements: ReadonlyMap<string, CardAgreement>;
  deleted: DeletedCard[];
  /** The cards whose latest deletion was this person's, which they may restore (issue 13). */
  mine: OwnDeletedCard[];
  invites: InviteView[] | null;
  /** Facilitators only: everyone who has joined, with what helps them take part. */
  people: PersonView[] | null;
  /** Set when the server ended this person's access, in plain words. */
  ended: string | null;
  /** The workshop's title, question and closed state once a facilitator changed them. */
  info: WorkshopView | null;
  /** Send any client event and resolve with its acknowledgement (offline: a failure). */
  call: CallEvent;
  endorse(cardId: string, text: string): Promise<Ack>;
  deleteCard(cardId: string): Promise<Ack>;
  restoreCard(cardId: string): Promise<Ack>;
  /** A card's history (issue 13), and restoring one of its versions. */
  cardHistory(cardId: string): Promise<Ack<{ history: CardHistoryView }>>;
  revertCard(cardId: string, seq: number): Promise<Ack>;
  /** Gentle notices about your cards (the other group replaced most of one), oldest first. */
  cardNotices: CardNotice[];
  dismissCardNotice(notice: CardNotice): void;
  revokeInvite(inviteId: string): Promise<Ack>;
  /** Rounds, your dots, results and turnout, as the server last sent them. */
  voting: VotingState;
  openRound(settings: RoundSettings): Promise<Ack<{ roundId: string }>>;
  closeRound(roundId: string): Promise<Ack>;
  /** Reopen a closed round; give a new deadline when the old one has passed. */
  reopenRound(roundId: string, deadline?: string | null): Promise<Ack>;
  extendRound(roundId: string, deadline: string): Promise<Ack>;
  /** Add a card made after opening to the open round (facilitators; issue 13). */
  addCardToRound(roundId: string, cardId: string): Promise<Ack>;
  /** The round's cards as they are worded now (issue 13). */
  roundWording(roundId: string): Promise<AckOf<'round:wording'>>;
  /** Set your dots on one card; retried with the same idempotency key after a timeout. */
  castBallot(request: CastRequest): Promise<CastAck>;
}

/** What the facilitator chooses when opening a round. */
export type RoundSettings = Parameters<ClientToServerEvents['round:open']>[0];

const OFFLINE: Ack = {
  ok: false,
  reason: 'storeFailed',
  message: 'You are offline. Try again when you are back online.',
};
const TIMEOUT_MS = 10_000;

/** The acknowledgement type of a client event. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<
  Parameters<ClientToServerEvents[E]>[1]
>[0];

/** Send one client event; resolves with its acknowledgement. */
export type CallEvent = <E extends keyof ClientToServerEvents>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
) => Promise<AckOf<E>>;

/** Connect to a workshop's control channel for as long as the component is mounted. */
export function useWorkshop(
  workshopId: string,
  initialInvites?: InviteView[],
  attach?: AttachModule,
): Workshop {
  const socketRef = useRef<PurpleSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const [agreements, setAgreements] = useState<ReadonlyMap<string, CardAgreement>>(new Map());
  const [deleted, setDeleted] = useState<DeletedCard[]>([]);
  const [mine, setMine] = useState<OwnDeletedCard[]>([]);
  const [invites, setInvites] = useState<InviteView[] | null>(initialInvites ?? null);
  const [people, setPeople] = useState<PersonView[] | null>(null);
  const [info, setInfo] = useState<WorkshopView | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const [voting, setVoting] = useState<VotingState>(EMPTY_VOTING);
  const [cardNotices, setCardNotices] = useState<CardNotice[]>([]);

  useEffect(() => {
    const socket: PurpleSocket = io({
      path: '/socket.io',
      transports: ['websocket'],
      auth: { workshopId, protocol: PROTOCOL_VERSION },
    });
    socketRef.current = socket;
    receiveWelcome(socket);
    // Before the socket connects, so a module misses none of its welcome events.
    const detach = attach?.(socket);
    const stopWatch = watchHeartbeat(socket, setConnected);
    socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: { message?: string; permanent?: boolean } }).data;
      if (data?.permanent) {
        setEnded(data.message ?? REASON_INFO.unauthenticated.message);
        stopWatch();
        socket.disconnect();
      }
    });
    // The list comes as strangers see each person; your own entry (your name, "you") comes
    // just before it, and replaces yours wherever it appears.
    let me: PresenceEntry | null = null;
    const mine = (p: PresenceEntry): PresenceEntry => (me && p.key === me.key ? me : p);
    socket.on('presence:you', (entry) => {
      me = entry;
      setPresence((list) => list.map(mine));
    });
    socket.on('presence:update', (list) => setPresence(list.map(mine)));
    socket.on('presence:join', (person) =>
      setPresence((list) => [...list.filter((p) => p.key !== person.key), mine(person)]),
    );
    socket.on('presence:joined', (people) => {
      const keys = new Set(people.map((p) => p.key));
      setPresence((list) => [...list.filter((p) => !keys.has(p.key)), ...people.map(mine)]);
    });
    socket.on('presence:leave', ({ key }) =>
      setPresence((list) => list.filter((p) => p.key !== key)),
    );
    socket.on('presence:left', (people) => {
      const keys = new Set(people.map((p) => p.key));
      setPresence((list) => list.filter((p) => !keys.has(p.key)));
    });
    socket.on('agreement:update', (cards) =>
      setAgreements((prev) => {
        const next = new Map(prev);
        for (const c of cards) next.set(c.cardId, c);
        return next;
      }),
    );
    socket.on('deleted:update', setDeleted);
    socket.on('deleted:mine', setMine);
    socket.on('invite:update', setInvites);
    socket.on('people:update', setPeople);
    socket.on('people:join', (person) =>
      setPeople((list) => [...(list ?? []).filter((p) => p.key !== person.key), person]),
    );
    socket.on('people:change', ({ key, person }) =>
      setPeople((list) =>
        (list ?? []).flatMap((p) => (p.key !== key ? [p] : person ? [person] : [])),
      ),
    );
    socket.on('workshop:update', setInfo);
    socket.on('round:update', (rounds) => setVoting((v) => ({ ...v, rounds })));
    socket.on('ballot:mine', ({ roundId, ...mine }) =>
      setVoting((v) => withMine(v, roundId, mine)),
    );
    socket.on('results:update', (results) => setVoting((v) => withResults(v, results)));
    socket.on('turnout:update', ({ roundId, turnout }) =>
      setVoting((v) => withTurnout(v, roundId, turnout)),
    );
    socket.on('round:notice', ({ roundId, message }) =>
      setVoting((v) => withNotice(v, roundId, message)),
    );
    socket.on('card:notice', (n) => setCardNotices((list) => [...list, n]));
    socket.on('session:ended', ({ message }) => {
      setEnded(message);
      stopWatch();
      socket.disconnect();
    });
    return () => {
      detach?.();
      stopWatch();
      socket.disconnect();
      socketRef.current = null;
    };
    // `attach` is a module's stable callback, so the socket is still made once per workshop.
  }, [workshopId, attach]);

  const call = useCallback(
    <E extends keyof ClientToServerEvents>(
      event: E,
      payload: Parameters<ClientToServerEvents[E]>[0],
    ): Promise<AckOf<E>> => {
      const socket = socketRef.current;
      if (!socket?.connected) return Promise.resolve(OFFLINE);
      return new Promise((resolve) => {
        // biome-ignore lint/suspicious/noExplicitAny: socket.io's typed emit cannot express a generic event here
        (socket.timeout(TIMEOUT_MS) as any).emit(
          event,
          payload,
          (err: Error | null, ack: AckOf<E>) => resolve(err ? OFFLINE : ack),
        );
      });
    },
    [],
  );

  const castBallot = useCallback(async (request: CastRequest): Promise<CastAck> => {
    const ack = await castWithRetry(() => socketRef.current, request);
    if (ack.ok)
      setVoting((v) => withCast(v, request.roundId, request.cardId, ack.dotsOnCard, ack.dotsLeft));
    return ack;
  }, []);

  return {
    connected,
    presence,
    agreements,
    deleted,
    mine,
    invites,
    people,
    ended,
    info,
    call,
    endorse: (cardId, text) => call('card:endorse', { cardId, textHash: textHash(text) }),
    deleteCard: (cardId) => call('card:delete', { cardId }),
    restoreCard: (cardId) => call('card:restore', { cardId }),
    cardHistory: (cardId) => call('card:history', { cardId }),
    revertCard: (cardId, seq) => call('card:revert', { cardId, seq }),
    cardNotices,
    dismissCardNotice: (notice) => setCardNotices((list) => list.filter((n) => n !== notice)),
    revokeInvite: (inviteId) => call('invite:revoke', { inviteId }),
    voting,
    openRound: (settings) => call('round:open', settings),
    closeRound: (roundId) => call('round:close', { roundId }),
    reopenRound: (roundId, deadline) =>
      call('round:reopen', deadline === undefined ? { roundId } : { roundId, deadline }),
    extendRound: (roundId, deadline) => call('round:extend', { roundId, deadline }),
    addCardToRound: (roundId, cardId) => call('round:add-card', { roundId, cardId }),
    roundWording: (roundId) => call('round:wording', { roundId }),
    castBallot,
  };
}
