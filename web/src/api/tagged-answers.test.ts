import { describe, expect, it } from 'vitest';
import { TaggedAnswers } from './tagged-answers.ts';

describe('TaggedAnswers', () => {
  it('gives the tag to send and, after a 304, the remembered text', () => {
    const answers = new TaggedAnswers();
    expect(answers.tagFor('/api/metrics?a=1')).toBeNull();
    answers.remember('/api/metrics?a=1', 'W/"abc"', '{"rows":[]}', answers.generation);
    expect(answers.tagFor('/api/metrics?a=1')).toBe('W/"abc"');
    expect(answers.textFor('/api/metrics?a=1', 'W/"abc"')).toBe('{"rows":[]}');
    expect(answers.tagFor('/api/metrics?a=2')).toBeNull();
    answers.remember('/api/metrics?a=1', 'W/"def"', '{"rows":[1]}', answers.generation);
    expect(answers.tagFor('/api/metrics?a=1')).toBe('W/"def"');
    answers.clear();
    expect(answers.textFor('/api/metrics?a=1', 'W/"def"')).toBeNull();
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const answers = new TaggedAnswers(2);
    answers.remember('a', 't1', 'A', 0);
    answers.remember('b', 't2', 'B', 0);
    expect(answers.textFor('a', 't1')).toBe('A');
    answers.remember('c', 't3', 'C', 0);
    expect(answers.tagFor('b')).toBeNull();
    expect(answers.tagFor('a')).toBe('t1');
    expect(answers.tagFor('c')).toBe('t3');
  });
});

describe('TaggedAnswers across a sign-out (regression, probe session 11)', () => {
  it("does not remember an answer that arrives after the sign-out it was asked before (the last user's)", () => {
    const answers = new TaggedAnswers();
    const asked = answers.generation;
    answers.clear(); // signed out while the request was under way; someone else signs in
    answers.remember('/api/metrics?a=1', 'W/"last-user"', '{"rows":["theirs"]}', asked);
    expect(answers.tagFor('/api/metrics?a=1')).toBeNull();
    answers.remember('/api/metrics?a=1', 'W/"mine"', '{"rows":["mine"]}', answers.generation);
    expect(answers.tagFor('/api/metrics?a=1')).toBe('W/"mine"');
  });

  it('gives the text after a 304 only when it is the answer of the tag that was sent', () => {
    const answers = new TaggedAnswers();
    answers.remember('/api/metrics?a=1', 'W/"t1"', 'ONE', answers.generation);
    // Another answer to the same URL came in while the request with t1 was under way.
    answers.remember('/api/metrics?a=1', 'W/"t2"', 'TWO', answers.generation);
    expect(answers.textFor('/api/metrics?a=1', 'W/"t1"')).toBeNull();
    expect(answers.textFor('/api/metrics?a=1', 'W/"t2"')).toBe('TWO');
  });
});
