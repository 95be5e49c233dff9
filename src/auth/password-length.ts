/**
 * Shortest password accepted for an account (NIST 800-63B asks for at least 8; we ask for 10). A module of its
 * own so the CLI's --help can show it without loading the argon2 native addon.
 */
export const MIN_PASSWORD_LENGTH = 10;
