/**
 * The multi-instance example (README "Running on several machines", issue 12) stays true to
 * Purple: `docker-compose.yml` gives each instance a configuration `loadConfig` accepts and
 * that points at the compose file's own Postgres and Redis; `deploy/nginx.conf`, which the
 * cluster tests run as it is, sends traffic to exactly those instances on the port they
 * listen on; and the build runs scripts that exist. No Docker daemon is needed, so these
 * hold on every machine the tests run on; starting the stack itself needs Docker Hub.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templatedConfig } from '../../scripts/ensureNginx';
import { loadConfig } from '../config';

const root = path.resolve(import.meta.dirname, '../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

type Service = {
  image?: string;
  build?: { dockerfile_inline?: string };
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
};
const services = compose.services as Record<string, Service>;
const purple = Object.keys(services).filter((name) => /^purple-\d+$/.test(name));

/** Compose's `${NAME:?message}` and `${NAME:-default}`, as a user running it would fill them. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_all, name, kind, rest) => {
    if (given[name] !== undefined) return given[name];
    if (kind === '-') return rest;
    throw new Error(`${name} must be set: ${rest}`);
  });
}

describe('docker-compose.yml and deploy/nginx.conf', () => {
  it('runs two or more identical Purple instances beside Postgres, Redis and nginx', () => {
    expect(purple.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'nginx', ...purple]),
    );
    for (const name of purple) expect(services[name]).toEqual(services[purple[0] as string]);
  });

  it('gives each instance a configuration Purple accepts, on the compose file’s own Postgres and Redis', () => {
    const env = services[purple[0] as string]?.environment ?? {};
    expect(() => interpolate(env.PURPLE_SECRET ?? '', {})).toThrow(/PURPLE_SECRET must be set/);
    const filled = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [
        k,
        interpolate(String(v), { PURPLE_SECRET: 'x'.repeat(64) }),
      ]),
    );
    const config = loadConfig(filled as NodeJS.ProcessEnv);
    const db = new URL(config.databaseUrl as string);
    const pg = services.postgres?.environment ?? {};
    expect([db.protocol, db.hostname, db.port]).toEqual(['postgres:', 'postgres', '5432']);
    expect([db.username, db.password, db.pathname]).toEqual([
      pg.POSTGRES_USER,
      pg.POSTGRES_PASSWORD,
      `/${pg.POSTGRES_DB}`,
    ]);
    expect(new URL(config.redisUrl as string).hostname).toBe('redis');
    expect(config.trustProxy).toBe(1);
    // nginx runs in another container: the instance must listen beyond its own loopback.
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('http://localhost:8080');
    // Started only once the stores answer; nginx only once the instances are ready.
    const deps = services[purple[0] as string]?.depends_on ?? {};
    expect(deps.postgres?.condition).toBe('service_healthy');
    expect(deps.redis?.condition).toBe('service_healthy');
    expect(services[purple[0] as string]?.healthcheck?.test.join(' ')).toContain(
      `http://127.0.0.1:${config.port}/readyz`,
    );
    for (const name of purple)
      expect(services.nginx?.depends_on?.[name]?.condition).toBe('service_healthy');
  });

  it('has nginx send traffic to exactly those instances, on their port, from the file the tests use', () => {
    const port = loadConfig({
      ...services[purple[0] as string]?.environment,
      PURPLE_SECRET: 'x'.repeat(64),
      PUBLIC_URL: 'http://localhost:8080',
    } as unknown as NodeJS.ProcessEnv).port;
    const block = /# upstreams:begin\n([\s\S]*?)# upstreams:end/.exec(nginx)?.[1] ?? '';
    const upstreams = [...block.matchAll(/server ([\w.-]+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstreams).toEqual(purple.map((name) => `${name}:${port}`));
    expect(services.nginx?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    const listen = /listen (\d+);/.exec(nginx)?.[1];
    expect(services.nginx?.ports).toContain(`${listen}:${listen}`);
    // WebSocket upgrades pass through, and Purple is told who asked (TRUST_PROXY=1).
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it('never has nginx mark an instance down, and the tests run the same servers', () => {
    // Passive marks keep a restarted instance out while its test WebSocket lives
    // (clusterKill: 15-30 s of 502s); every server line says max_fails=0, and the cluster
    // tests' copy keeps each line's parameters.
    const block = /# upstreams:begin\n([\s\S]*?)# upstreams:end/.exec(nginx)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => /^\s*server /.test(l));
    expect(lines.length).toBe(purple.length);
    for (const line of lines) expect(line).toMatch(/ max_fails=0;$/);
    const copy = templatedConfig(8081, ['127.0.0.1:4001', '127.0.0.1:4002']);
    expect(copy).toContain('server 127.0.0.1:4001 max_fails=0;');
    expect(copy).toContain('server 127.0.0.1:4002 max_fails=0;');
    expect(nginx).toMatch(/proxy_next_upstream_tries 0;/);
  });

  it('builds with scripts the project has, on a Node version it supports', () => {
    const dockerfile = services[purple[0] as string]?.build?.dockerfile_inline ?? '';
    const node = Number(/FROM node:(\d+)/.exec(dockerfile)?.[1]);
    expect(node).toBeGreaterThanOrEqual(Number(/(\d+)/.exec(pkg.engines.node)?.[1]));
    for (const [, script] of dockerfile.matchAll(/npm run (\S+)/g))
      expect(Object.keys(pkg.scripts)).toContain(script);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/);
    expect(pkg.scripts.start).toBeTruthy();
  });
});
