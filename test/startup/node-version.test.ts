import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimumNode, nodeVersionProblem } from '../../bin/node-version.js';

const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines
  .node;

describe('the Node.js version check of bin/pacesetter.js', () => {
  it("understands package.json's engines field", () => {
    expect(minimumNode(engines)).toMatch(/^\d+(\.\d+){0,2}$/);
  });

  it('passes the minimum and newer versions, refuses older ones with one sentence', () => {
    expect(nodeVersionProblem('>=22.18', '22.18.0')).toBeNull();
    expect(nodeVersionProblem('>=22.18', 'v24.1.0')).toBeNull();
    expect(nodeVersionProblem('>=22.18', '23.0.0')).toBeNull();
    expect(nodeVersionProblem('>=22.18', '22.17.9')).toBe(
      'Pacesetter needs Node.js 22.18 or newer, but this is Node.js 22.17.9: install Node.js 24 LTS ' +
        '(https://nodejs.org/en/download) and run the command again.',
    );
    expect(nodeVersionProblem('>=22.18', '18.19.1')).toContain('this is Node.js 18.19.1');
  });

  it('throws on an engines range it cannot read instead of letting every version through', () => {
    expect(() => minimumNode('^22.18 || >=24')).toThrow(/engines.node must look like/);
  });

  // The system Node.js of Debian 12 images is 20: the real start-up path, not just the function above.
  const oldNode = '/usr/bin/node';
  const oldVersion = existsSync(oldNode)
    ? spawnSync(oldNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
    : '';
  const isOld = oldVersion !== '' && nodeVersionProblem(engines, oldVersion) !== null;
  it.skipIf(!isOld)(
    `an older Node.js (${oldNode} ${oldVersion}) gets the sentence, not a stack trace`,
    () => {
      const r = spawnSync(oldNode, ['bin/pacesetter.js', 'report', '--period', '2026-Q3'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${nodeVersionProblem(engines, oldVersion)}\n`);
    },
  );
});
