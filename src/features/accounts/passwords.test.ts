import { describe, expect, it } from 'vitest';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('password rules', () => {
  it('checks against a list of at least 10,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it('refuses common passwords whatever their case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(passwordProblem('Password1')).toBe('too-common');
    expect(passwordProblem('iloveyou')).toBe('too-common');
    expect(passwordProblem('qwertyuiop')).toBe('too-common');
  });

  it('asks for 8 to 128 characters, counted as characters not bytes', () => {
    expect(passwordProblem('short1!')).toBe('too-short');
    expect(passwordProblem('é'.repeat(8))).toBeUndefined();
    expect(passwordProblem('x'.repeat(129))).toBe('too-long');
    expect(passwordProblem('كلمة مرور طويلة')).toBeUndefined();
  });

  it('has no composition rules: a long lower-case phrase is fine', () => {
    expect(passwordProblem('purple tractor umbrella')).toBeUndefined();
  });
});

describe('password hashing', () => {
  it('stores argon2id with OWASP parameters and verifies', async () => {
    const hash = await hashPassword('purple tractor umbrella');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'purple tractor umbrella')).toBe(true);
    expect(await verifyPassword(hash, 'purple tractor umbrellA')).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch, not a crash', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
