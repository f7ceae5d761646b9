import { z } from 'zod';
import { Category, Survey, SurveyResponse } from '@koe/core';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

// Core's Context is a z.custom that states its own JSON Schema (its meta); 'any' lets the generator past it.
/** A zod schema's JSON Schema, without `$schema`. */
export const schema = (type: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** The body of every error answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** GET /v1/reports/summary's answer: a Summary with its period, the previous one and their comparison. */
export const SummaryWithPrevious = { allOf: [{ $ref: '#/components/schemas/Summary' }], properties: {
  from: { type: 'string', format: 'date-time' },
  to: { type: 'string', format: 'date-time' },
  previous: { $ref: '#/components/schemas/Summary' },
  compare: { anyOf: [{ $ref: '#/components/schemas/Comparison' }, { type: 'null' }] },
} };

// The surveys route leaves out each survey's case rule (a webhook's URL and secret are not for browsers).
/** A survey as the public surveys route shows it. */
export const publicSurvey = (): JsonSchema => {
  const survey = schema(Survey, 'output') as { properties?: Record<string, unknown> };
  delete survey.properties?.cases;
  return survey;
};

// GET /v1/sites lists each survey as the public route does, plus which categories open a case. Survey forbids
// other properties, so an allOf adding caseCategories to it could never match: the listing gets its own schema.
/** A survey as GET /v1/sites lists it. */
export const listedSurvey = (): JsonSchema => {
  const survey = publicSurvey() as { properties?: Record<string, unknown>; required?: string[] };
  const caseCategories = { ...schema(z.array(Category), 'output'), description: "the categories whose answers open a follow-up case (the rule's, or the kind's lowest); empty: the survey opens none" };
  return { ...survey, properties: { ...survey.properties, caseCategories }, required: [...(survey.required ?? []), 'caseCategories'] };
};

/** A site as GET /v1/sites lists it. */
export const SiteListing = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    name: { type: 'string' },
    origins: { type: 'array', items: { type: 'string' } },
    surveys: { type: 'array', items: { $ref: '#/components/schemas/ListedSurvey' } },
  },
  required: ['key', 'name', 'origins', 'surveys'],
  additionalProperties: false,
};


// An answer as stored: SurveyResponse forbids other properties, so the two the collector adds go into a copy.
/** An answer as the export and GET /v1/comments return it: as sent, plus its category and when it arrived. */
export const storedAnswer = (): JsonSchema => {
  const answer = schema(SurveyResponse, 'output') as { properties?: Record<string, unknown>; required?: string[] };
  const category = { ...schema(Category, 'output'), description: "the score's category (promoter, passive, detractor…)" };
  const receivedAt = { type: 'string', format: 'date-time', description: 'when the collector stored it' };
  return { ...answer, properties: { ...answer.properties, category, receivedAt }, required: [...(answer.required ?? []), 'category', 'receivedAt'] };
};
