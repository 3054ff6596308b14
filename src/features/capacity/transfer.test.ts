import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { randomAddress } from '../../../test/support/auth.js';
import { testApp } from '../../../test/support/app.js';
import { needBody, offeringBody, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { SYSTEM } from '../audit/index.js';
import { exportAllNeeds, exportAllOfferings, importNeeds, importOfferings, ImportProblems } from './index.js';

const system = { actor: SYSTEM };
const ALL_STATUSES = 'status=draft,in-review,published,archived';

/** A record as the API shows it, without what a new copy necessarily changes (version, times). */
function content(record: Record<string, unknown>) {
  const { version: _v, createdAt: _c, updatedAt: _u, publishedAt: _p, lastReviewedAt: _l, ...rest } = record;
  return rest;
}

const HEADER =
  'kind,language,title,summary,topics,audiences,languages,modality,start_date,end_date,rolling,seats,fee_amount,fee_currency,title_fr,summary_fr';

/** A varied catalogue: translations, a pledge, lists, money, an accessible toolkit, a formula-looking title. */
function catalogue(): Record<string, unknown>[] {
  return [
    offeringBody({
      id: randomUUID(),
      status: 'published',
      title: 'Cybersecurity incident response for national CIRTs',
      topics: ['cybersecurity', 'data-protection-privacy'],
      digcomp: ['4.1', '4.2'],
      esco: [],
      audiences: ['policymakers-regulators', 'public-servants'],
      targetGroups: ['women-girls'],
      levels: ['intermediate', 'advanced'],
      languages: ['en', 'fr', 'pt'],
      eligibleGroups: ['LDC', '011'],
      eligibleCountries: ['HTI'],
      fee: { amount: 1250.5, currency: 'EUR' },
      waivers: 'Waived for participants from LDCs;\nask the secretariat.',
      durationHours: 37.5,
      seats: 40,
      certification: 'assessed',
      accessibility: ['captions', 'transcripts'],
      sdgs: ['9', '16'],
      url: 'https://academy.example.org/cirt?cohort=2027&lang=en',
      contactEmail: 'cirt-training@example.org',
      description: 'Week 1: "detection", week 2: triage, week 3: exercises.\n\nA certificate after the final exercise.',
      translations: [
        {
          language: 'fr',
          title: 'Réponse aux incidents de cybersécurité pour les CIRT nationales',
          summary: 'Mettre en place la réponse aux incidents.',
          description: null,
        },
        {
          language: 'ar',
          title: 'الاستجابة لحوادث الأمن السيبراني',
          summary: 'إنشاء قدرات الاستجابة للحوادث.',
          description: 'تفاصيل الدورة',
        },
      ],
    }),
    offeringBody({
      id: randomUUID(),
      status: 'in-review',
      kind: 'infrastructure-pledge',
      language: 'zh',
      title: '农村学校太阳能联网（萨赫勒）',
      summary: '一项实物承诺，为未联网社区提供设备和部署支持。',
      topics: ['broadband-policy-regulation'],
      modality: null,
      languages: ['zh', 'fr'],
      eligibleCountries: ['NER', 'MLI'],
      startDate: '2027-01-01',
      endDate: '2029-12-31',
      pledge: {
        amount: null,
        currency: null,
        inKind: 'Solar kits and satellite terminals for 300 schools',
        umcDimension: 'school-connectivity',
      },
    }),
    offeringBody({
      id: randomUUID(),
      kind: 'toolkit-guide',
      language: 'es',
      title: '=HYPERLINK("https://evil.example","Guía")',
      summary: '-Cómo hacer accesibles los sitios públicos.',
      topics: ['accessibility-ict'],
      modality: 'self-paced-online',
      bandwidth: 'offline',
      languages: ['es'],
      rolling: true,
      startDate: null,
      endDate: null,
    }),
  ];
}

forEachEngine('bulk import and export', (t) => {
  async function listed(path: string): Promise<Record<string, unknown>[]> {
    const res = await testApp(t.db).request(path, { headers: { 'X-Forwarded-For': randomAddress() } });
    return ((await res.json()) as { data: { id: string }[] }).data;
  }
  /** Every offering of the organisation, in full, through the API (as an admin would see them). */
  async function offeringsOf(organisationId: string) {
    const ids = (
      await t.db.selectFrom('offerings').select('id').where('provider_organisation_id', '=', organisationId).orderBy('id').execute()
    ).map((r) => r.id);
    const { getOffering } = await import('./index.js');
    const admin = { kind: 'user', userId: randomUUID(), platformRole: 'admin', memberships: [], via: { kind: 'session' } } as const;
    return Promise.all(ids.map((id) => getOffering(t.db, admin, id)));
  }
  const countOf = async (table: 'offerings' | 'needs') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports the CSV template: lists split on semicolons, money in two columns, translations in their own', async () => {
    const org = await seedOrganisation(t.db);
    const text = [
      HEADER,
      'course,en,Cybersecurity incident response,"Set up incident response, step by step.",cybersecurity;data-protection-privacy,policymakers-regulators; public-servants,en;fr,blended,2027-03-01,2027-04-30,,30,250,usd,Réponse aux incidents de cybersécurité,"Organiser la réponse aux incidents, pas à pas."',
      'toolkit-guide,es,Guía de accesibilidad web,Cómo hacer accesibles los sitios públicos.,accessibility-ict,public-servants,es,self-paced-online,,,yes,,,,,',
    ].join('\n');
    expect(await importOfferings(t.db, system, org, { name: 'catalogue.csv', text })).toMatchObject({ records: 2, created: 2, updated: 0 });
    const [course] = (await offeringsOf(org)).filter((o) => o.language === 'en');
    expect(course).toMatchObject({
      status: 'draft',
      topics: ['cybersecurity', 'data-protection-privacy'],
      audiences: ['policymakers-regulators', 'public-servants'],
      languages: ['en', 'fr'],
      fee: { amount: 250, currency: 'USD' },
      seats: 30,
      translations: [
        {
          language: 'fr',
          title: 'Réponse aux incidents de cybersécurité',
          summary: 'Organiser la réponse aux incidents, pas à pas.',
          description: null,
        },
      ],
    });
  });

  it('refuses a broken CSV with every problem by file, line, column and field, and imports nothing', async () => {
    const org = await seedOrganisation(t.db);
    const before = await countOf('offerings');
    const text = [
      HEADER,
      'course,en,A fine course,A fine summary of the course.,cybersecurity,public-servants,en,blended,2027-03-01,2027-04-30,,30,,,,',
      'course,en,Bad fee,A fine summary of the course.,cybersecurity,public-servants,en,blended,2027-03-01,2027-04-30,,30,12abc,USD,,',
      'course,en,Bad topic,A fine summary of the course.,cybersecurity;cyber,public-servants,en,blended,2027-03-01,2027-04-30,,30,,,,',
      'course,en,Bad dates,A fine summary of the course.,cybersecurity,public-servants,en,blended,2027-05-01,2027-04-30,,30,,,,',
      'course,en,No seats,A fine summary of the course.,cybersecurity,public-servants,en,blended,2027-03-01,2027-04-30,,0,,,,',
    ].join('\n');
    const error = await importOfferings(t.db, system, org, { name: 'broken.csv', text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportProblems);
    expect((error as ImportProblems).problems.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual([
      '3:13 fee_amount',
      '4:5 topics',
      '5:10 end_date',
      '6:12 seats',
    ]);
    expect((error as Error).message).toContain('broken.csv:4:5 (topics): "cyber" is not a topic; see /api/v1/taxonomies/topics');
    expect((error as Error).message.split('\n')[0]).toBe('4 problems; nothing was imported:');
    expect(await countOf('offerings')).toBe(before);
  });

  it('refuses an unknown column and a missing required one', async () => {
    const org = await seedOrganisation(t.db);
    await expect(
      importOfferings(t.db, system, org, {
        name: 'x.csv',
        text: `${HEADER},titel\ncourse,en,T,S,cybersecurity,public-servants,en,blended,2027-03-01,,,,,,,,x\n`,
      }),
    ).rejects.toThrow('x.csv:1:17 (titel): unknown column "titel"');
    await expect(importOfferings(t.db, system, org, { name: 'y.csv', text: 'kind,language,title\ncourse,en,T\n' })).rejects.toThrow(
      'y.csv:1 (summary): missing column "summary"',
    );
  });

  it('refuses a JSON file with problems at their line and column, and malformed JSON where it breaks', async () => {
    const org = await seedOrganisation(t.db);
    const items = [offeringBody(), offeringBody({ seats: -1, languages: ['xx'] })];
    const text = JSON.stringify(items, null, 2);
    const error = (await importOfferings(t.db, system, org, { name: 'bad.json', text }).catch((e: unknown) => e)) as ImportProblems;
    const lines = text.split('\n');
    const seatsLine = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('"seats"')) + 1;
    expect(error.problems.map((p) => [p.field, p.line])).toEqual([
      ['languages', lines.findIndex((l) => l.includes('"xx"')) + 1],
      ['seats', seatsLine],
    ]);
    const malformed = await importOfferings(t.db, system, org, {
      name: 'cut.json',
      text: '[\n  {"kind": "course",\n  "title": }\n]',
    }).catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(FormatError);
    expect((malformed as Error).message).toMatch(/^cut\.json:3:\d+: not valid JSON/);
    await expect(importOfferings(t.db, system, org, { name: 'object.json', text: '{"kind": "course"}' })).rejects.toThrow(
      'must be a JSON array',
    );
  });

  it('round-trips: a CSV export imported again gives the same records, ids included', async () => {
    const org = await seedOrganisation(t.db);
    await importOfferings(t.db, system, org, { name: 'catalogue.json', text: JSON.stringify(catalogue()) });
    const before = await offeringsOf(org);
    const exported = await exportAllOfferings(t.db, org, 'csv');
    expect(exported.count).toBe(3);
    expect(exported.text).toContain(`"'=HYPERLINK(""https://evil.example"",""Guía"")"`);
    await t.db.deleteFrom('offerings').where('provider_organisation_id', '=', org).execute();
    await t.db
      .deleteFrom('capacity_revisions')
      .where(
        'record_id',
        'in',
        before.map((o) => o.id),
      )
      .execute();
    expect(await importOfferings(t.db, system, org, { name: 'export.csv', text: exported.text })).toMatchObject({ records: 3, created: 3 });
    const after = await offeringsOf(org);
    expect(after.map(content)).toEqual(before.map(content));
  });

  it('round-trips as JSON too, and importing an export again updates the records without changing them', async () => {
    const org = await seedOrganisation(t.db);
    await importOfferings(t.db, system, org, { name: 'catalogue.json', text: JSON.stringify(catalogue()) });
    const before = await offeringsOf(org);
    const exported = await exportAllOfferings(t.db, org, 'json');
    expect(await importOfferings(t.db, system, org, { name: 'again.json', text: exported.text })).toMatchObject({
      records: 3,
      created: 0,
      updated: 3,
    });
    const after = await offeringsOf(org);
    expect(after.map(content)).toEqual(before.map(content));
    expect(after.map((o) => o.version)).toEqual(before.map((o) => o.version + 1));
    // Every record audited once per import, as created then as updated, beside the file's own entry.
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id'])
      .where('resource_id', 'in', [org, ...after.map((o) => o.id)])
      .orderBy('id')
      .execute();
    expect(
      audited
        .filter((a) => a.action === 'offering.import-create')
        .map((a) => a.resource_id)
        .toSorted(),
    ).toEqual(after.map((o) => o.id).toSorted());
    expect(
      audited
        .filter((a) => a.action === 'offering.import-update')
        .map((a) => a.resource_id)
        .toSorted(),
    ).toEqual(after.map((o) => o.id).toSorted());
    expect(audited.filter((a) => a.action === 'offerings.import')).toHaveLength(2);
  });

  it('refuses to import another organisation’s offering by its id', async () => {
    const owner = await seedOrganisation(t.db);
    const intruder = await seedOrganisation(t.db);
    await importOfferings(t.db, system, owner, { name: 'catalogue.json', text: JSON.stringify(catalogue()) });
    const exported = await exportAllOfferings(t.db, owner, 'csv');
    await expect(importOfferings(t.db, system, intruder, { name: 'stolen.csv', text: exported.text })).rejects.toThrow(
      'is another organisation’s offering',
    );
  });

  it('round-trips needs, closed unmet with their reason, through CSV', async () => {
    const ministry = await seedOrganisation(t.db);
    const needs = [
      {
        ...needBody({ peopleCount: 40, budget: { amount: 15000, currency: 'USD' }, urgency: 'critical', visibility: 'members' }),
        id: randomUUID(),
      },
      {
        ...needBody({
          language: 'ar',
          title: 'تدريب المعلمين على حماية الأطفال على الإنترنت',
          description: 'مطلوب تدريب لنحو 60 معلماً.',
          languages: ['ar'],
          country: 'MRT',
        }),
        id: randomUUID(),
        status: 'closed-unmet',
        unmetReason: 'language',
        statusReason: 'No course in Arabic',
      },
    ];
    await importNeeds(t.db, system, ministry, { name: 'needs.json', text: JSON.stringify(needs) });
    const admin = { kind: 'user', userId: randomUUID(), platformRole: 'admin', memberships: [], via: { kind: 'session' } } as const;
    const { getNeed } = await import('./index.js');
    const before = await Promise.all(needs.map((n) => getNeed(t.db, admin, n.id)));
    const exported = await exportAllNeeds(t.db, ministry, 'csv');
    await t.db.deleteFrom('needs').where('requester_organisation_id', '=', ministry).execute();
    await t.db
      .deleteFrom('capacity_revisions')
      .where(
        'record_id',
        'in',
        needs.map((n) => n.id),
      )
      .execute();
    expect(await importNeeds(t.db, system, ministry, { name: 'needs.csv', text: exported.text })).toMatchObject({ created: 2 });
    const after = await Promise.all(needs.map((n) => getNeed(t.db, admin, n.id)));
    expect(after.map(content)).toEqual(before.map(content));
    expect(after[1]).toMatchObject({ status: 'closed-unmet', unmetReason: 'language', statusReason: 'No course in Arabic' });
  });

  it('downloads the list as CSV in the template through the API, limited to what the reader may see', async () => {
    const org = await seedOrganisation(t.db);
    await importOfferings(t.db, system, org, { name: 'catalogue.json', text: JSON.stringify(catalogue()) });
    const res = await testApp(t.db).request(`/api/v1/offerings?provider=${org}&format=csv&${ALL_STATUSES}`, {
      headers: { 'X-Forwarded-For': randomAddress() },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]?.startsWith('id,status,kind,language,title,summary,description,topics')).toBe(true);
    // Anonymous readers see the published offering only.
    expect(lines.filter((l) => /^[0-9a-f-]{36},/.test(l)).map((l) => l.split(',')[1])).toEqual(['published']);
    expect((await listed(`/api/v1/offerings?provider=${org}&${ALL_STATUSES}`)).length).toBe(1);
  });
});
