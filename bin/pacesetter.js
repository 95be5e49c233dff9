#!/usr/bin/env node
// Node >= 22.18 runs the TypeScript sources directly (type stripping); no build step for the server.
await import('../src/cli/main.ts');
