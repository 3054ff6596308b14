/**
 * Request and response schemas of the projects API (OpenAPI is generated from them): projects
 * and initiatives with their lead and partner organisations, countries, SDGs, topics, dates,
 * status, budget and IATI identifier; the roles they need, their team, their dated updates with
 * comments, and the needs and offerings of the clearinghouse they relate to.
 */
import { z } from '@hono/zod-openapi';
import {
  CompetenceSkillSchema,
  DateSchema,
  DigcompCodeSchema,
  EscoCodeSchema,
  Iso3Schema,
  LanguageCodeSchema,
  LanguageSkillSchema,
  PersonSummarySchema,
  ShareSchema,
  TopicCodeSchema,
  distinctList,
  optionalText,
  text,
} from '../people/index.js';

export const PROJECT_STATUSES = ['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'] as const;
export const PARTNER_ROLES = ['funding', 'accountable', 'extending', 'implementing'] as const;

export const ProjectStatusSchema = z.enum(PROJECT_STATUSES).openapi({ description: 'The IATI activity status' });
export const ProjectVisibilitySchema = z
  .enum(['public', 'members'])
  .openapi({ description: 'public: everyone; members: signed-in people' });
const SdgGoalSchema = z
  .string()
  .regex(/^([1-9]|1[0-7])$/, 'must be an SDG number 1–17')
  .openapi({ description: 'SDG number 1–17', example: '9' });

const PartnerSchema = z
  .strictObject({
    organisationId: z.uuid(),
    role: z
      .enum(PARTNER_ROLES)
      .default('implementing')
      .openapi({ description: 'IATI organisation role: funding, accountable, extending or implementing' }),
  })
  .openapi('ProjectPartnerInput');

const MoneySchema = z.strictObject({
  amount: z.number().finite().min(0, 'must not be negative').max(1e14, 'must be below 100 trillion'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD')
    .openapi({ example: 'USD' }),
});

const DatesSchema = z
  .strictObject({
    plannedStart: DateSchema.nullable().optional(),
    actualStart: DateSchema.nullable().optional(),
    plannedEnd: DateSchema.nullable().optional(),
    actualEnd: DateSchema.nullable().optional(),
  })
  .openapi('ProjectDatesInput');

const IatiIdentifierSchema = z
  .string()
  .trim()
  .min(3)
  .max(300)
  .regex(/^[^\s]+$/, 'must not contain white space')
  .openapi({
    description: 'Globally unique IATI activity identifier, prefixed by the reporting organisation’s',
    example: 'XM-DAC-41114-PROJECT-00123456',
  });

const fields = {
  language: LanguageCodeSchema.openapi({ description: 'Language the title and description are written in' }),
  title: text(3, 300).openapi({ example: 'Connecting rural schools in the Sahel' }),
  description: optionalText(20_000, { multiline: true }),
  partners: distinctList(PartnerSchema, 20, (p) => p.organisationId).openapi({
    description: 'Partner organisations on the platform (at most 20)',
  }),
  countries: distinctList(Iso3Schema, 50).openapi({ description: 'Countries (ISO alpha-3), at most 50' }),
  sdgs: distinctList(SdgGoalSchema, 17),
  topics: distinctList(TopicCodeSchema, 10),
  dates: DatesSchema,
  status: ProjectStatusSchema,
  budget: MoneySchema.nullable().openapi({ description: 'The total budget, over the project’s planned dates (optional)' }),
  iatiIdentifier: IatiIdentifierSchema,
  visibility: ProjectVisibilitySchema,
  relatedNeeds: distinctList(z.uuid(), 20).openapi({ description: 'Ids of clearinghouse needs this project answers' }),
  relatedOfferings: distinctList(z.uuid(), 20).openapi({ description: 'Ids of clearinghouse offerings it uses' }),
};

export const ProjectInputSchema = z
  .strictObject({
    leadOrganisationId: z
      .uuid()
      .openapi({ description: 'The lead organisation, which owns the project: one you are an editor or owner of' }),
    language: fields.language,
    title: fields.title,
    description: fields.description,
    partners: fields.partners.default([]),
    countries: fields.countries.default([]),
    sdgs: fields.sdgs.default([]),
    topics: fields.topics.default([]),
    dates: fields.dates.default({}),
    status: fields.status.default('pipeline'),
    budget: fields.budget.optional().transform((v) => v ?? null),
    iatiIdentifier: fields.iatiIdentifier
      .optional()
      .openapi({ description: 'Omit to have one made from the organisation and the project id' }),
    visibility: fields.visibility.default('public'),
    relatedNeeds: fields.relatedNeeds.default([]),
    relatedOfferings: fields.relatedOfferings.default([]),
  })
  .openapi('ProjectInput');
export type ProjectInput = z.infer<typeof ProjectInputSchema>;

export const ProjectPatchSchema = z
  .strictObject({
    version: z.number().int().min(1),
    ...Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])),
  } as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> })
  .refine((patch) => Object.keys(patch).length > 1, 'give at least one field to change besides version')
  .openapi('ProjectPatch', {
    description:
      'Text goes in as the narrative of `language` (the project’s own when not given), leaving other languages’ narratives as they are. ' +
      'countries, sdgs, topics and partners replace the lists; budget replaces every IATI budget with one over the planned dates.',
  });
export type ProjectPatch = z.infer<typeof ProjectPatchSchema>;

const OrganisationRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const RoleInputSchema = z
  .strictObject({
    title: text(2, 200).openapi({ example: 'Spectrum engineer' }),
    description: optionalText(2000, { multiline: true }),
    topics: distinctList(TopicCodeSchema, 10).default([]),
    digcomp: distinctList(CompetenceSkillSchema.extend({ code: DigcompCodeSchema }), 21, (c) => c.code)
      .default([])
      .openapi({ description: 'DigComp areas or competences with the proficiency needed (1–8)' }),
    esco: distinctList(EscoCodeSchema, 30).default([]),
    languages: distinctList(LanguageSkillSchema, 10, (l) => l.code)
      .default([])
      .openapi({ description: 'Languages with the level needed' }),
    timeShare: ShareSchema.openapi({ description: 'Share of working time the role needs, 1–100 %' }),
    startDate: DateSchema.nullable()
      .optional()
      .transform((v) => v ?? null),
    endDate: DateSchema.nullable()
      .optional()
      .transform((v) => v ?? null),
    status: z.enum(['open', 'filled', 'closed']).default('open'),
  })
  .refine((r) => r.startDate === null || r.endDate === null || r.endDate >= r.startDate, {
    message: 'ends before it starts',
    path: ['endDate'],
  })
  .openapi('ProjectRoleInput');
export type RoleInput = z.infer<typeof RoleInputSchema>;

export const RoleSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    topics: z.array(z.string()),
    digcomp: z.array(z.object({ code: z.string(), level: z.number().int() })),
    esco: z.array(z.string()),
    languages: z.array(z.object({ code: z.string(), level: z.string() })),
    timeShare: z.number().int(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    status: z.enum(['open', 'filled', 'closed']),
  })
  .openapi('ProjectRole');
export type Role = z.infer<typeof RoleSchema>;

export const TeamInputSchema = z
  .strictObject({
    userId: z.uuid().openapi({ description: 'A person whose profile you may see' }),
    roleId: z
      .uuid()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    roleTitle: text(2, 200).openapi({ example: 'Project lead' }),
  })
  .openapi('TeamMemberInput');
export type TeamInput = z.infer<typeof TeamInputSchema>;

export const TeamSchema = z
  .object({
    members: z.array(z.object({ person: PersonSummarySchema, roleId: z.uuid().nullable(), roleTitle: z.string(), joinedAt: z.string() })),
    others: z.number().int().openapi({ description: 'Team members whose profile is not shown to you' }),
  })
  .openapi('ProjectTeam');

const NarrativeSchema = z.object({ lang: z.string().nullable(), text: z.string() });

export const ProjectSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    iatiIdentifier: z.string(),
    origin: z.enum(['platform', 'iati']).openapi({ description: 'iati: imported from an IATI activity file' }),
    visibility: ProjectVisibilitySchema,
    language: z.string(),
    title: z.string().openapi({ description: 'In the reader’s language when the project has it, else its own' }),
    lead: OrganisationRefSchema,
    countries: z.array(z.string()),
    sdgs: z.array(z.string()),
    topics: z.array(z.string()),
    status: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    budget: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    demo: z.boolean().openapi({ description: 'True for a generated demo project: not a real one' }),
    notice: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ProjectSummary');
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectSchema = ProjectSummarySchema.extend({
  titles: z.array(NarrativeSchema).openapi({ description: 'The title in every language given' }),
  description: z.string().nullable(),
  descriptions: z.array(z.object({ type: z.string(), text: z.array(NarrativeSchema) })),
  partners: z.array(OrganisationRefSchema.extend({ role: z.enum(PARTNER_ROLES) })),
  participatingOrganisations: z
    .array(z.object({ role: z.string(), ref: z.string().nullable(), name: z.string() }))
    .openapi({ description: 'As the IATI record names them, on the platform or not' }),
  dates: z.object({
    plannedStart: z.string().nullable(),
    actualStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualEnd: z.string().nullable(),
  }),
  sectors: z.array(z.object({ vocabulary: z.string(), code: z.string(), percentage: z.number().nullable() })),
  budgets: z.array(
    z.object({
      type: z.string(),
      status: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      amount: z.number(),
      currency: z.string().nullable(),
    }),
  ),
  transactions: z.number().int().openapi({ description: 'Transactions in the IATI record' }),
  lastUpdated: z.string().nullable().openapi({ description: 'When the record last changed, as IATI states it' }),
  roles: z.array(RoleSchema),
  team: TeamSchema,
  related: z.object({
    needs: z.array(z.object({ id: z.uuid(), title: z.string() })),
    offerings: z.array(z.object({ id: z.uuid(), title: z.string() })),
    notShown: z.number().int().openapi({ description: 'Linked needs and offerings you may not see' }),
  }),
  createdAt: z.string(),
  lastImportedAt: z.string().nullable(),
}).openapi('Project');
export type Project = z.infer<typeof ProjectSchema>;

export const UpdateInputSchema = z
  .strictObject({
    date: DateSchema.openapi({ description: 'The day the update is about' }),
    language: LanguageCodeSchema,
    body: text(1, 2000, { multiline: true }),
  })
  .openapi('ProjectUpdateInput');
export type UpdateInput = z.infer<typeof UpdateInputSchema>;

export const CommentInputSchema = z.strictObject({ body: text(1, 1000, { multiline: true }) }).openapi('ProjectCommentInput');
export type CommentInput = z.infer<typeof CommentInputSchema>;

const AuthorSchema = z.object({ id: z.uuid(), name: z.string() }).nullable().openapi({
  description: 'The author, when their profile basics are shown to you (else null)',
});

export const UpdateSchema = z
  .object({
    id: z.uuid(),
    date: z.string(),
    language: z.string(),
    body: z.string(),
    author: AuthorSchema,
    createdAt: z.string(),
    comments: z.array(z.object({ id: z.uuid(), body: z.string(), author: AuthorSchema, createdAt: z.string() })),
  })
  .openapi('ProjectUpdate');
export type Update = z.infer<typeof UpdateSchema>;

export const UpdatePageSchema = z.object({ data: z.array(UpdateSchema) }).openapi('ProjectUpdatePage');

export const ProjectParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' }),
});
export const RoleParamsSchema = ProjectParamsSchema.extend({
  roleId: z.uuid().openapi({ param: { name: 'roleId', in: 'path' } }),
});
export const MemberParamsSchema = ProjectParamsSchema.extend({
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});
export const UpdateParamsSchema = ProjectParamsSchema.extend({
  updateId: z.uuid().openapi({ param: { name: 'updateId', in: 'path' } }),
});

export const FormatQuerySchema = z.object({
  format: z.enum(['json', 'iati']).optional().openapi({ description: 'iati: the project as an IATI 2.03 activity file (XML)' }),
});

export const CandidateSchema = z
  .object({
    person: PersonSummarySchema,
    score: z.number().openapi({ description: '0–1', example: 0.82 }),
    explanation: z.array(
      z.object({
        component: z.enum(['skills', 'languages', 'availability', 'dutyStation']),
        points: z.number().openapi({ description: 'What this component added to the score' }),
        text: z.string().openapi({ description: 'Why, in the reader’s language' }),
      }),
    ),
  })
  .openapi('RoleCandidate');

export const CandidatePageSchema = z
  .object({
    data: z.array(CandidateSchema),
    considered: z
      .number()
      .int()
      .openapi({ description: 'People scored: those you may see sharing a skill or language with the role, at most 500' }),
    method: z.string().openapi({ description: 'How the scores are made, in the reader’s language' }),
  })
  .openapi('RoleCandidatePage');
export type CandidatePage = z.infer<typeof CandidatePageSchema>;

export const CandidateQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10).openapi({ description: 'Candidates to return (1–50)' }),
});
