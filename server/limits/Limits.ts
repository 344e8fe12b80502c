/**
 * Every limit at Purple's door in one place (README "Limits"): workshops created and joins
 * per client address, joins per invite link, and open connections per person (Yjs and
 * socket.io each) and per address. The numbers come from `LimitsConfig`.
 */
import type { LimitsConfig } from '../config';
import { type LimitDecision, OpenCap, RateLimit, type SharedCounters } from './limiters';

const HOUR = 60 * 60;

/** The limits a running Purple enforces. */
export class Limits {
  private readonly workshops: RateLimit;
  private readonly joinsPerLink: RateLimit;
  private readonly joinsPerAddress: RateLimit;
  /** Open Yjs connections per person. */
  readonly yjsPerPerson: OpenCap;
  /** Open socket.io connections per person. */
  readonly controlPerPerson: OpenCap;
  /** Open connections of both kinds per client address, counted before any session exists. */
  readonly connectionsPerAddress: OpenCap;
  private readonly requests: RateLimit;
  private readonly history: RateLimit;

  /** `shared`: count rate limits in Redis, across instances (issue 12). */
  constructor(config: LimitsConfig, shared?: SharedCounters) {
    const at = (name: string) => (shared ? { ...shared, name } : undefined);
    this.workshops = new RateLimit(config.workshopsPerHour, HOUR, at('workshops'));
    this.joinsPerLink = new RateLimit(config.joinsPerLinkPerHour, HOUR, at('joinsPerLink'));
    this.joinsPerAddress = new RateLimit(
      config.joinsPerAddressPer10Min,
      10 * 60,
      at('joinsPerAddress'),
    );
    this.yjsPerPerson = new OpenCap(config.connectionsPerPerson);
    this.controlPerPerson = new OpenCap(config.connectionsPerPerson);
    this.connectionsPerAddress = new OpenCap(config.connectionsPerAddress);
    this.requests = new RateLimit(config.requestsPerPersonPer10s, 10, at('requests'));
    this.history = new RateLimit(config.historyPerPersonPerMin, 60, at('history'));
  }

  /**
   * Count one control-channel request from a person; card history and restores, which
   * rebuild a card's past on its room's queue, also count against a smaller limit.
   */
  async request(participantId: string, event: string): Promise<LimitDecision> {
    const any = await this.requests.take(participantId);
    if (!any.ok || (event !== 'card:history' && event !== 'card:revert')) return any;
    return this.history.take(participantId);
  }

  /** Count one workshop created from `address`. */
  createWorkshop(address: string): Promise<LimitDecision> {
    return this.workshops.take(address);
  }

  /** Count one join through invite `inviteId` from `address` (unknown address: the link alone). */
  async join(inviteId: string, address: string | undefined): Promise<LimitDecision> {
    if (address) {
      const byAddress = await this.joinsPerAddress.take(address);
      if (!byAddress.ok) return byAddress;
    }
    return this.joinsPerLink.take(inviteId);
  }
}
