import { describe, expect, it } from 'vitest';
import { VersionedCache } from './data-version.js';

describe('VersionedCache', () => {
  it('serves a value until the data version changes, then recomputes', async () => {
    const cache = new VersionedCache<number>();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('1.1', 'KEN', compute)).toBe(1);
    expect(await cache.get('1.1', 'KEN', compute)).toBe(1);
    expect(await cache.get('2.2', 'KEN', compute)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('answers a request that read an older version without emptying the newer cache', async () => {
    const cache = new VersionedCache<string>();
    await cache.get('5.5', 'KEN', async () => 'new');
    expect(await cache.get('4.4', 'KEN', async () => 'old')).toBe('old');
    expect(await cache.get('5.5', 'KEN', async () => 'recomputed')).toBe('new');
  });

  it('shares one computation between concurrent misses and keeps no failure', async () => {
    const cache = new VersionedCache<string>();
    let calls = 0;
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve(`v${++calls}`), 5));
    expect(await Promise.all([cache.get('1', 'a', slow), cache.get('1', 'a', slow)])).toEqual(['v1', 'v1']);
    await expect(cache.get('1', 'b', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await Promise.resolve();
    expect(await cache.get('1', 'b', async () => 'ok')).toBe('ok');
  });

  it('drops the oldest entry beyond its bound', async () => {
    const cache = new VersionedCache<number>(2);
    for (const key of ['a', 'b', 'c']) await cache.get('1', key, async () => 1);
    expect(cache.size).toBe(2);
    let recomputed = false;
    await cache.get('1', 'a', async () => ((recomputed = true), 1));
    expect(recomputed).toBe(true);
  });
});
