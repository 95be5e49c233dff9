#!/usr/bin/env node
// Node >= 22.18 runs the TypeScript sources directly (type stripping); no build step for the server.
import module from 'node:module';
import { requireSupportedNode } from './node-version.js';

// First, in plain JavaScript: an older Node.js cannot load the .ts sources and would only print a stack trace.
requireSupportedNode();

// Cache compiled (and type-stripped) modules between runs: every CLI command is a new process, and compiling
// the same sources each time was a large part of its start-up. The cache lives in NODE_COMPILE_CACHE when set,
// else in the OS temp dir, so a read-only install works; NODE_DISABLE_COMPILE_CACHE=1 turns it off, and a cache
// that cannot be written only costs the speed-up.
module.enableCompileCache?.();
await import('../src/cli/main.ts');
