/**
 * Configuration, parsed once from the environment (README lists every variable).
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// (or rediss://) URL')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'REDIS_PREFIX: letters, digits, colons, dashes')
    .default('purple:'),
  PURPLE_SECRET: z.string().min(32, 'PURPLE_SECRET must be at least 32 characters').optional(),
  PUBLIC_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  POSTGRES_SYNCHRONOUS_COMMIT: z.enum(['on', 'off']).default('off'),
  PURPLE_LOG: z.enum(['info', 'warn', 'silent']).default('info'),
  // --- Operations (issue 12; README "Health, metrics and logs") ---
  PURPLE_LOG_FORMAT: z.enum(['default', 'json']).default('default'),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  DRAIN_MS: z.coerce.number().int().min(0).default(10_000),
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  ROOM_IDLE_MS: z.coerce.number().int().positive().default(60_000),
  COMPACT_EVERY: z.coerce.number().int().positive().default(500),
  MAX_CARDS_PER_BOARD: z.coerce.number().int().positive().default(2500),
  CARDS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  RETENTION_DAYS: z.coerce.number().positive().default(30),
  RETENTION_SWEEP_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
  ATTENDANCE_SWEEP_MS: z.coerce.number().int().positive().default(60_000),
  // --- Edge: proxies and limits at the door (README "Limits") ---
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9]+)$/, 'TRUST_PROXY must be true, false or a number of proxies')
    .optional(),
  LIMIT_WORKSHOPS_PER_HOUR: z.coerce.number().int().positive().default(10),
  LIMIT_JOINS_PER_LINK_PER_HOUR: z.coerce.number().int().positive().default(200),
  LIMIT_JOINS_PER_ADDRESS_PER_10_MIN: z.coerce.number().int().positive().default(100),
  LIMIT_CONNECTIONS_PER_PERSON: z.coerce.number().int().positive().default(10),
  LIMIT_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(300),
  LIMIT_REQUESTS_PER_PERSON_PER_10_S: z.coerce.number().int().positive().default(100),
  LIMIT_HISTORY_PER_PERSON_PER_MIN: z.coerce.number().int().positive().default(30),
});

/** Limits at the door (server/limits); each counts per client address, link or person. */
export interface LimitsConfig {
  workshopsPerHour: number;
  joinsPerLinkPerHour: number;
  joinsPerAddressPer10Min: number;
  /** Open Yjs connections per person, and separately open socket.io connections. */
  connectionsPerPerson: number;
  /** Open Yjs plus socket.io (engine.io) connections per client address. */
  connectionsPerAddress: number;
  /** Control-channel requests (votes, agreements, deletions…) per person in 10 seconds. */
  requestsPerPersonPer10s: number;
  /** Card history lookups and restores per person per minute (each rebuilds a card's past). */
  historyPerPersonPerMin: number;
}

/** The server's settings. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * Several instances (issue 12): Redis for fan-out and rate limits, and the readiness
   * check and round-trip metric; needs Postgres.
   */
  redisUrl?: string;
  /** Start of every Redis key and channel this deployment uses. */
  redisPrefix: string;
  secret?: string;
  publicUrl?: string;
  /** Origins allowed to open sockets; empty means "the same host the request came to". */
  allowedOrigins: string[];
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Whether board edits on Postgres wait for their WAL to reach disk (`off`: as SQLite's NORMAL). */
  postgresSynchronousCommit: 'on' | 'off';
  logLevel: 'info' | 'warn' | 'silent';
  /** 'json': one pino JSON line per event (standard fields); 'default': the built-in lines. */
  logFormat: 'default' | 'json';
  /** When set, /metrics needs `Authorization: Bearer <token>`; else loopback only. */
  metricsToken?: string;
  /** On SIGTERM, how long open connections may take to finish before they are closed. */
  drainMs: number;
  maxFrameBytes: number;
  roomIdleMs: number;
  /** Compact a board into a snapshot after this many stored updates. */
  compactEvery: number;
  /** Most cards a board may hold, deleted ones included (I21). */
  maxCardsPerBoard: number;
  /** Most new cards one participant may add in a minute (I21). */
  cardsPerMinute: number;
  /** A closed workshop is deleted this many days after it was closed (default 30). */
  retentionDays: number;
  /** How often the retention sweep runs (default hourly). */
  retentionSweepMs: number;
  /** Several instances: how often stretches left open by a vanished instance are looked for (I88). */
  attendanceSweepMs: number;
  /** Proxies in front of Purple whose X-Forwarded-* headers are trusted; 0 trusts none. */
  trustProxy: number;
  limits: LimitsConfig;
}

/** Parse `env` into a Config; throws one readable error listing every bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Purple's configuration is not valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    secret: e.PURPLE_SECRET,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    allowedOrigins: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/$/, ''))
      .filter(Boolean),
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    postgresSynchronousCommit: e.POSTGRES_SYNCHRONOUS_COMMIT,
    logLevel: e.PURPLE_LOG,
    logFormat: e.PURPLE_LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    drainMs: e.DRAIN_MS,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    roomIdleMs: e.ROOM_IDLE_MS,
    compactEvery: e.COMPACT_EVERY,
    maxCardsPerBoard: e.MAX_CARDS_PER_BOARD,
    cardsPerMinute: e.CARDS_PER_MINUTE,
    retentionDays: e.RETENTION_DAYS,
    retentionSweepMs: e.RETENTION_SWEEP_MS,
    attendanceSweepMs: e.ATTENDANCE_SWEEP_MS,
    trustProxy: e.TRUST_PROXY === 'true' ? 1 : Number(e.TRUST_PROXY ?? 0) || 0,
    limits: {
      workshopsPerHour: e.LIMIT_WORKSHOPS_PER_HOUR,
      joinsPerLinkPerHour: e.LIMIT_JOINS_PER_LINK_PER_HOUR,
      joinsPerAddressPer10Min: e.LIMIT_JOINS_PER_ADDRESS_PER_10_MIN,
      connectionsPerPerson: e.LIMIT_CONNECTIONS_PER_PERSON,
      connectionsPerAddress: e.LIMIT_CONNECTIONS_PER_ADDRESS,
      requestsPerPersonPer10s: e.LIMIT_REQUESTS_PER_PERSON_PER_10_S,
      historyPerPersonPerMin: e.LIMIT_HISTORY_PER_PERSON_PER_MIN,
    },
    ...overrides,
  };
}
