import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';

type Page = {
  data: { m49: string; iso3: string | null; names: Record<string, string>; groups: string[]; ldc: boolean }[];
  next: string | null;
};

forEachEngine('reference API', (t) => {
  const app = () => testApp(t.db);

  it('pages through all 248 countries with cursors, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/countries?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await app().request(url);
      expect(res.status).toBe(200);
      const page: Page = await body<Page>(res);
      seen.push(...page.data.map((c) => c.m49));
      cursor = page.next;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(248);
    expect(seen.toSorted()).toEqual(seen);
  });

  it('filters by region and by group together', async () => {
    const res = await app().request('/api/v1/countries?region=002&group=LDC&limit=500');
    const page = await body<Page>(res);
    // 33 African LDCs in this M49 snapshot (São Tomé and Príncipe is still flagged; see the data README).
    expect(page.data.length).toBe(33);
    expect(page.data.every((c) => c.ldc && c.groups.includes('002'))).toBe(true);
    expect(page.next).toBeNull();
  });

  it('answers one country by ISO alpha-3 with names in six languages and its groups', async () => {
    const res = await app().request('/api/v1/countries/npl');
    expect(res.status).toBe(200);
    const nepal = await body<Omit<Page['data'][number], 'groups'> & { groups: { code: string }[] }>(res);
    expect(nepal.iso3).toBe('NPL');
    expect(Object.keys(nepal.names).toSorted()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(nepal.groups.map((g) => g.code)).toEqual(expect.arrayContaining(['WLD', '142', '034', 'LDC', 'LLDC']));
  });

  it('returns a not-found problem for an unknown country and a validation problem for a bad code', async () => {
    const missing = await app().request('/api/v1/countries/XYZ');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await body(missing)).toMatchObject({ status: 404, code: 'not-found', title: 'Not found' });

    const bad = await app().request('/api/v1/countries/K3!');
    expect(bad.status).toBe(400);
    expect(await body(bad)).toMatchObject({ code: 'validation-failed', fields: [{ field: 'path.code' }] });
  });

  it('refuses a limit out of range and a forged cursor with the failing field', async () => {
    const limit = await app().request('/api/v1/countries?limit=0');
    expect(limit.status).toBe(400);
    expect(await body(limit)).toMatchObject({ code: 'validation-failed', fields: [{ field: 'query.limit' }] });
    const cursor = await app().request('/api/v1/countries?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(await body(cursor)).toMatchObject({ code: 'validation-failed', fields: [{ field: 'query.cursor' }] });
    const group = await app().request('/api/v1/countries?group=ZZZ');
    expect(group.status).toBe(404);
  });

  it('lists the groupings and one group with its members', async () => {
    const list = await body<{ data: { code: string; kind: string; memberCount: number }[] }>(await app().request('/api/v1/groups'));
    expect(list.data.map((g) => g.code)).toEqual(
      expect.arrayContaining(['WLD', '002', '015', 'LDC', 'LLDC', 'SIDS', 'HIC', 'UMC', 'LMC', 'LIC']),
    );
    const regions = await body<{ data: { kind: string }[] }>(await app().request('/api/v1/groups?kind=region'));
    expect(regions.data).toHaveLength(5);
    const sids = await body<{ code: string; members: { iso3: string | null }[] }>(await app().request('/api/v1/groups/sids'));
    expect(sids.code).toBe('SIDS');
    expect(sids.members).toHaveLength(53);
    expect(sids.members.map((m) => m.iso3)).toContain('FJI');
  });

  it('serves taxonomies with paging and a parent filter', async () => {
    const list = await body<{ data: { name: string; termCount: number }[] }>(await app().request('/api/v1/taxonomies'));
    expect(list.data.find((x) => x.name === 'esco-digital')?.termCount).toBe(1284);
    const area = await body<{ data: { code: string; parent: string | null }[] }>(
      await app().request('/api/v1/taxonomies/digcomp?parent=4'),
    );
    expect(area.data.map((x) => x.code)).toEqual(['4.1', '4.2', '4.3', '4.4']);
    const first = await body<{ data: unknown[]; next: string }>(await app().request('/api/v1/taxonomies/esco-digital?limit=500'));
    const second = await body<{ data: unknown[]; next: string }>(
      await app().request(`/api/v1/taxonomies/esco-digital?limit=500&cursor=${first.next}`),
    );
    const third = await body<{ data: unknown[]; next: string | null }>(
      await app().request(`/api/v1/taxonomies/esco-digital?limit=500&cursor=${second.next}`),
    );
    expect(first.data.length + second.data.length + third.data.length).toBe(1284);
    expect(third.next).toBeNull();
    expect((await app().request('/api/v1/taxonomies/nope')).status).toBe(404);
  });

  it('lets clients revalidate cacheable reads with an ETag', async () => {
    const first = await app().request('/api/v1/groups');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toContain('max-age=300');
    const again = await app().request('/api/v1/groups', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });
});
