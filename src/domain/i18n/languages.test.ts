import { describe, expect, it } from 'vitest';
import { isRtl, pickLanguage } from './languages.ts';

describe('pickLanguage', () => {
  it("takes the user's choice over the browser's", () => {
    expect(pickLanguage('ro', ['pl-PL', 'en'])).toBe('ro');
  });

  it("takes the browser's first language the app has, by primary subtag", () => {
    expect(pickLanguage(null, ['de-DE', 'pl-PL', 'en'])).toBe('pl');
    expect(pickLanguage(null, ['HE_il'])).toBe('he');
    expect(pickLanguage(null, ['iw'])).toBe('he');
    expect(pickLanguage(null, ['ro'])).toBe('ro');
  });

  it('falls back to English', () => {
    expect(pickLanguage(null, ['de', 'fr-FR', ''])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });

  it('knows which languages read right to left', () => {
    expect(isRtl('he')).toBe(true);
    expect(isRtl('pl')).toBe(false);
  });
});
