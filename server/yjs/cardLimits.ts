/**
 * Limits on new cards (issue 8 §4, invariant I21): at most `maxCardsPerBoard` cards on a
 * board, and at most `cardsPerMinute` new cards per participant per minute, counted with
 * rate-limiter-flexible (one counter per process, shared by every room). On several
 * instances the minute counts in Redis (I87), so a person whose connections are spread
 * over two instances gets one allowance, not one per instance; while Redis is away it
 * falls back to this process's memory, as the other rate limits do.
 */
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Reason } from '../../lib/protocol/reasons';
import type { SharedCounters } from '../limits/limiters';

/** The two limits; both come from server/config.ts. */
export interface CardLimitSettings {
  maxCardsPerBoard: number;
  cardsPerMinute: number;
}

/** Defaults: far above a workshop's needs, low enough to stop a script filling a board. */
export const DEFAULT_CARD_LIMITS: CardLimitSettings = {
  maxCardsPerBoard: 2500,
  cardsPerMinute: 60,
};

/** Counts new cards per participant and checks the board's total. */
export class CardLimits {
  private readonly perMinute: RateLimiterAbstract;

  /** `shared`: count in Redis, across instances (I87). */
  constructor(
    readonly settings: CardLimitSettings = DEFAULT_CARD_LIMITS,
    shared?: SharedCounters,
  ) {
    const memory = () =>
      new RateLimiterMemory({
        keyPrefix: 'purple-cards',
        points: settings.cardsPerMinute,
        duration: 60,
      });
    this.perMinute = shared
      ? new RateLimiterRedis({
          storeClient: shared.client,
          keyPrefix: `${shared.prefix}limit:cards`,
          points: settings.cardsPerMinute,
          duration: 60,
          insuranceLimiter: memory(),
        })
      : memory();
  }

  /** 'boardFull' when `adding` more cards would pass the board's cap; else null. */
  boardFull(existing: number, adding: number): Reason | null {
    return adding > 0 && existing + adding > this.settings.maxCardsPerBoard ? 'boardFull' : null;
  }

  /**
   * Null when `participantId` may add `adding` cards to a board that holds `existing`;
   * otherwise the reason. Counts the cards against the participant's minute when allowed.
   */
  async admit(
    workshopId: string,
    participantId: string,
    existing: number,
    adding: number,
  ): Promise<Reason | null> {
    if (adding === 0) return null;
    if (this.boardFull(existing, adding)) return 'boardFull';
    try {
      await this.perMinute.consume(`${workshopId}:${participantId}`, adding);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return 'cardsTooFast';
      throw err;
    }
  }
}
