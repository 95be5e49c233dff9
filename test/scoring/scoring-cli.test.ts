import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/domain/scoring/default-rules.ts';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The commands' wiring, validation messages and output on a PGlite directory; the SQL behind them is covered on
// both stores by score-sql, rescore and scoring-api tests. Commands run in this process (cli-in-process.ts) on
// one open handle (shared-pglite.ts); each command family keeps one real child process, for a validation
// error's exit code.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-scoring-cli-'));
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });
// A real process must find the directory closed (shared-pglite.ts keeps it open between commands).
const spawnCli = async (...args: string[]) => {
  await closeSharedPglite();
  return runCli(args, { PACESETTER_DATA: dir });
};
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(async () => {
  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    await db
      .insertInto('leads')
      .values([
        {
          name: 'Ann',
          external_id: 'web:1',
          persona: 'buyer',
          status: 'new',
          created_at: '2026-05-01T10:00:00Z',
        },
        { name: 'Bob', external_id: 'web:2', status: 'new', created_at: '2026-05-01T10:00:00Z' },
      ])
      .execute();
  } finally {
    await db.destroy();
  }
});

it(
  'events import: rejects a bad file naming line and field, then imports idempotently and scores',
  { timeout: 300_000 },
  async () => {
    const header = 'event_id,lead_external_id,type,url,occurred_at,properties';
    const bad = file(
      'bad.csv',
      [header, 'e1,web:1,Page View,,2026-06-01T10:00:00Z,', 'e2,web:9,email_open,,yesterday,{oops'].join(
        '\n',
      ),
    );
    const r = await spawnCli('events', 'import', bad);
    expect(r.status).toBe(2);
    expect(r.err).toContain('line 2');
    expect(r.err).toContain('type');
    expect(r.err).toContain('occurred_at');
    expect(r.err).toContain('properties');

    const good = file(
      'good.csv',
      [
        header,
        'e1,web:1,page_view,https://acme.example/pricing,2026-06-01T10:00:00Z,"{""campaign"":""q3""}"',
        'e2,web:1,email_open,,2026-06-02T10:00:00Z,',
        'e3,web:1,email_open,,2026-06-03T10:00:00Z,',
        'e4,web:1,email_click,,2026-06-03T11:00:00Z,',
        'e5,web:2,email_click,,2026-06-03T11:00:00Z,',
      ].join('\n'),
    );
    const ok = await cli('events', 'import', good);
    expect(ok.err).toBe('');
    expect(ok.out).toContain('5 events, 5 new, 0 already stored; 2 leads scored, 1 promoted');
    expect((await cli('events', 'import', good)).out).toContain(
      '5 events, 0 new, 5 already stored; 0 leads scored',
    );

    const unknown = await cli(
      'events',
      'import',
      file('unknown.csv', [header, 'e9,web:404,email_open,,2026-06-01T10:00:00Z,'].join('\n')),
    );
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('leadExternalId');
  },
);

it('scoring score, rules, preview, rules --set and rescore', { timeout: 300_000 }, async () => {
  const score = await cli('scoring', 'score', '1');
  expect(score.err).toBe('');
  expect(score.out).toContain('Lead 1: score 20 (fit 5, engagement 15), rules v1');
  expect(score.out).toContain('+10  Visited the pricing page (1 event)');
  expect(score.out).toContain('new -> sql at score 20 (rules v1, score)');

  const rules = await cli('scoring', 'rules');
  expect(rules.out).toContain('Rules version 1: MQL at 10, SQL at 20, a demo request qualifies at once');
  expect(rules.out).toContain('-5  inaccurate_data');

  const { version: _v, ...draft } = DEFAULT_RULE_SET;
  const proposal = file('rules.json', JSON.stringify({ ...draft, mqlThreshold: 3 }));
  const preview = await cli('scoring', 'preview', proposal);
  expect(preview.err).toBe('');
  expect(preview.out).toContain('1 would move below -> mql');
  expect(preview.out).toContain('Saving it would promote 1 lead(s).');

  const invalid = await spawnCli(
    'scoring',
    'rules',
    '--set',
    file('bad.json', JSON.stringify({ ...draft, mqlThreshold: 99 })),
  );
  expect(invalid.status).toBe(2);
  expect(invalid.err).toContain('mqlThreshold');

  expect((await cli('scoring', 'rules', '--set', proposal)).out).toContain(
    'Saved rules version 2; re-score 1 queued',
  );
  const rescore = await cli('scoring', 'rescore');
  expect(rescore.err).toBe('');
  expect(rescore.out).toContain('2/2 open leads, 1 promoted (done)');
  expect((await cli('scoring', 'score', '2')).out).toContain('score 3 (fit 0, engagement 3), rules v2');
});
