/** Sources with built-in mappings; a module of its own so `pacesetter import --help` lists them without loading them. */
export const BUILT_IN_SOURCES = ['salesforce', 'hubspot', 'pipedrive'] as const;
