import { z } from 'zod';
import { Slug } from './primitives.js';
import { Survey } from './survey.js';

/** A web origin such as `https://shop.example.com` or `http://localhost:8787`. */
export const Origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}, 'must be an origin: scheme, host and optional port, no path or trailing slash (e.g. "https://shop.example.com")');

/** A site: the surveys it runs and who may post answers to it. */
export const Site = z
  .strictObject({
    key: Slug,
    name: z.string().min(1).max(200),
    origins: z.array(Origin).max(100).default([]),
    secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
    rateLimit: z.strictObject({ perMinute: z.number().int().min(0).max(1_000_000) }).optional(),
    surveys: z.array(Survey).max(200).default([]),
  })
  .superRefine((site, ctx) => {
    const seen = new Set<string>();
    site.surveys.forEach((survey, i) => {
      if (seen.has(survey.id)) ctx.addIssue({ code: 'custom', path: ['surveys', i, 'id'], message: `duplicate survey id "${survey.id}"` });
      seen.add(survey.id);
    });
  });
/** A parsed site. */
export type Site = z.infer<typeof Site>;

/** The collector's configuration file. */
export const KoeConfig = z
  .strictObject({
    $schema: z.string().optional(),
    sites: z.array(Site).max(1000),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sites.forEach((site, i) => {
      if (seen.has(site.key)) ctx.addIssue({ code: 'custom', path: ['sites', i, 'key'], message: `duplicate site key "${site.key}"` });
      seen.add(site.key);
    });
  });
/** A parsed configuration. */
export type KoeConfig = z.infer<typeof KoeConfig>;
/** A configuration as written in the file. */
export type KoeConfigInput = z.input<typeof KoeConfig>;
