/**
 * The schema of data/pages.json (validated in tests/data.test.ts). The content script imports
 * only the type: zod stays out of the one script that runs on every matching page.
 */
import { z } from 'zod';

export const PagesFile = z.object({
  $comment: z.string().optional(),
  /** Path tokens of 预决算 columns (czyjs, yjsgk, bmjs …), matched as whole path segments' heads. */
  urlTokens: z.array(z.string().regex(/^[a-z]+$/)).min(1),
  /** Phrases that name a department's budget or final accounts outright. */
  strongWords: z.array(z.string().min(2)).min(1),
  /** Words that, with a URL token, are enough. */
  weakWords: z.array(z.string().min(2)).min(1),
  /** 《政府网站发展指引》 meta tags read. */
  metaNames: z.array(z.string().min(1)).min(1),
  /** Words of budget tables' first rows. */
  tableWords: z.array(z.string().min(2)).min(1),
  /** A table with this many distinct table words is a budget table. */
  minTableWords: z.number().int().min(1),
});
export type PagesFile = z.infer<typeof PagesFile>;
