/** Number fields shared by the scenario schema and the geometry files: one error wording for both. */
import { z } from 'zod';

export const positive = (what: string) => z.number({ error: `expected a number (${what})` }).positive({ error: `must be > 0 (${what})` });
export const nonNegative = (what: string) => z.number({ error: `expected a number (${what})` }).nonnegative({ error: `must be >= 0 (${what})` });
