import { joinBase } from '../domain/routes.ts';

/** A site path made absolute under the configured base: href(routes.layer('node')). */
export const href = (path: string): string => joinBase(import.meta.env.BASE_URL, path);
