import { describe, expect, it } from 'vitest';
import { TaggedAnswers } from './tagged-answers.ts';

describe('TaggedAnswers', () => {
  it('gives the tag to send and, after a 304, the remembered text', () => {
    const answers = new TaggedAnswers();
    expect(answers.tagFor('/api/metrics?a=1')).toBeNull();
    answers.remember('/api/metrics?a=1', 'W/"abc"', '{"rows":[]}');
    expect(answers.tagFor('/api/metrics?a=1')).toBe('W/"abc"');
    expect(answers.textFor('/api/metrics?a=1')).toBe('{"rows":[]}');
    expect(answers.tagFor('/api/metrics?a=2')).toBeNull();
    answers.remember('/api/metrics?a=1', 'W/"def"', '{"rows":[1]}');
    expect(answers.tagFor('/api/metrics?a=1')).toBe('W/"def"');
    answers.clear();
    expect(answers.textFor('/api/metrics?a=1')).toBeNull();
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const answers = new TaggedAnswers(2);
    answers.remember('a', 't1', 'A');
    answers.remember('b', 't2', 'B');
    expect(answers.textFor('a')).toBe('A');
    answers.remember('c', 't3', 'C');
    expect(answers.tagFor('b')).toBeNull();
    expect(answers.tagFor('a')).toBe('t1');
    expect(answers.tagFor('c')).toBe('t3');
  });
});
