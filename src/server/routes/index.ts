import type { RouteModule } from '../app-types.ts';
import health from './health.ts';
import authLogin from './auth/login.ts';
import authLogout from './auth/logout.ts';
import authMe from './auth/me.ts';
import authChangePassword from './auth/change-password.ts';

/** Every route module, registered in this order. Add one import and one entry per new route file. */
export const routes: RouteModule[] = [health, authLogin, authLogout, authMe, authChangePassword];
