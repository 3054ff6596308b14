/** The brief's path parameter: the same rule as the indicators API's country profile. */
import { z } from 'zod';

export const CountryProfileParamsSchema = z.object({
  iso3: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as KEN'),
});
