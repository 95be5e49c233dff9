import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { preferredForm } from './send-answer.ts';

const asking = (acceptEncoding: string | undefined) =>
  ({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as FastifyRequest;

describe('preferredForm', () => {
  it('follows the q values: brotli on a tie, gzip when higher, plain bytes when both are refused', () => {
    expect(preferredForm(asking('gzip, deflate, br'))).toBe('br');
    expect(preferredForm(asking('br;q=0.5, gzip;q=0.9'))).toBe('gzip');
    expect(preferredForm(asking('gzip;q=0'))).toBe('identity');
    expect(preferredForm(asking('*;q=0'))).toBe('identity');
    expect(preferredForm(asking('gzip;q=0, *'))).toBe('br');
    expect(preferredForm(asking('identity;q=0'))).toBe('identity');
    expect(preferredForm(asking(undefined))).toBe('identity');
  });

  // Regression (probe, session 11): a q the header grammar does not allow (1e-3, -1, "0") counted as q=1, so a
  // client that tried to refuse a coding got it.
  it('takes a coding with a malformed q as refused, never as q=1', () => {
    expect(preferredForm(asking('gzip;q=0.1, br;q=1e-3'))).toBe('gzip');
    expect(preferredForm(asking('br;q=-1'))).toBe('identity');
    expect(preferredForm(asking('br;q="0", gzip;q=0'))).toBe('identity');
    expect(preferredForm(asking('br;q=2'))).toBe('identity');
    expect(preferredForm(asking('br;level=1'))).toBe('br');
  });
});
