// Types for node-version.js, which stays plain JavaScript so that Node.js versions without type stripping can run it.
export function minimumNode(range: string): string;
export function nodeVersionProblem(range: string, version?: string): string | null;
export function requireSupportedNode(): void;
