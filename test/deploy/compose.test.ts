import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, parseConfig } from '../../src/config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPLOY = join(ROOT, 'deploy');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, unknown>;
  entrypoint?: string[];
}

const compose = parse(readFileSync(join(DEPLOY, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
};

/** Compose's ${VAR}, ${VAR:?message} and ${VAR:-default} substituted from the example env file. */
function substitute(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, (_m, name: string) => {
    const v = env[name];
    if (v === undefined)
      throw new Error(`${name} is used by docker-compose.yml but not in deploy/.env.example`);
    return v;
  });
}

const exampleEnv = Object.fromEntries(
  readFileSync(join(DEPLOY, '.env.example'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('='))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

describe('deploy/docker-compose.yml does not rot', () => {
  it('has the app, a PostgreSQL primary and a replica', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'primary', 'replica']);
    expect(compose.services.primary?.image).toMatch(/^postgres:/);
    expect(compose.services.replica?.image).toBe(compose.services.primary?.image);
  });

  it('sets only variables the config parser knows, and they parse', () => {
    const env = compose.services.app?.environment ?? {};
    const unknown = Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k));
    expect(unknown).toEqual([]);
    const values = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, substitute(String(v), exampleEnv)]),
    );
    const config = parseConfig(values);
    expect(new URL(config.databaseUrl ?? '').hostname).toBe('primary');
    expect(new URL(config.databaseReadUrl ?? '').hostname).toBe('replica');
  });

  it('points at files that exist: the Dockerfile, its entry point and the mounted scripts', () => {
    const build = compose.services.app?.build;
    const dockerfile = join(DEPLOY, build?.context ?? '', build?.dockerfile ?? '');
    expect(existsSync(dockerfile)).toBe(true);
    const cmd = /CMD \["node", "([^"]+)"/.exec(readFileSync(dockerfile, 'utf8'))?.[1];
    expect(cmd && existsSync(join(ROOT, cmd))).toBe(true);
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('.'))
          expect(`${source} ${existsSync(join(DEPLOY, source))}`).toBe(`${source} true`);
      }
    }
  });

  it('starts services only after the ones they need', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dep of Object.keys(service.depends_on ?? {})) {
        expect(`${name} -> ${dep} ${dep in compose.services}`).toBe(`${name} -> ${dep} true`);
      }
    }
  });
});
