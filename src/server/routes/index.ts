import type { RouteModule } from '../app-types.ts';
import health from './health.ts';

/** Every route module, registered in this order. Add one import and one entry per new route file. */
export const routes: RouteModule[] = [health];
