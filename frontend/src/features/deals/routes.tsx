import { lazy } from 'react';
import type { PathRouteProps } from 'react-router';

// The deals pages route among themselves (DealsPages): the app's first load carries one lazy import for all of them.
const DealsPages = lazy(() => import('./DealsPages'));

/** The deals pages, mounted by app/router.tsx inside the signed-in frame. */
export const dealsRoutes: PathRouteProps[] = [{ path: 'deals/*', element: <DealsPages /> }];
