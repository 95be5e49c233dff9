// Plain JavaScript that old Node.js versions can parse: it runs before any TypeScript source is imported, so a
// too-old Node.js gets one sentence instead of a stack trace about the .ts file extension.
import { readFileSync } from 'node:fs';

/** [major, minor, patch] of a "22.18.0" or "v22.18.0" string; missing parts count as 0. */
function parts(version) {
  return version
    .replace(/^v/, '')
    .split('.')
    .slice(0, 3)
    .map((p) => Number.parseInt(p, 10) || 0)
    .concat([0, 0, 0])
    .slice(0, 3);
}

function atLeast(have, need) {
  for (let i = 0; i < 3; i++) {
    if (have[i] !== need[i]) return have[i] > need[i];
  }
  return true;
}

/**
 * The lowest version an engines range of the form ">=22.18" allows; any other form throws, so a change to the
 * field that this check does not understand is caught by its test instead of silently passing every Node.js.
 */
export function minimumNode(range) {
  const m = /^>=\s*v?(\d+(?:\.\d+){0,2})$/.exec(String(range).trim());
  if (!m) throw new Error(`package.json engines.node must look like ">=22.18", not ${JSON.stringify(range)}`);
  return m[1];
}

/** The refusal for `version` (this process's by default) under `range`, or null when it is new enough. */
export function nodeVersionProblem(range, version = process.versions.node) {
  const minimum = minimumNode(range);
  if (atLeast(parts(version), parts(minimum))) return null;
  return (
    `Pacesetter needs Node.js ${minimum} or newer, but this is Node.js ${version}: ` +
    `install Node.js 24 LTS (https://nodejs.org/en/download) and run the command again.`
  );
}

/** Reads the engines field next to this file and exits with the refusal when this Node.js is too old. */
export function requireSupportedNode() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const problem = nodeVersionProblem(pkg.engines.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
