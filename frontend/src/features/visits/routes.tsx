import { lazy } from 'react';
import type { PathRouteProps } from 'react-router';

// The visits pages route among themselves (VisitsPages): the app's first load carries one lazy import for all of them.
const VisitsPages = lazy(() => import('./VisitsPages'));

/** The visits pages, mounted by app/router.tsx inside the signed-in frame. */
export const visitsRoutes: PathRouteProps[] = [{ path: 'visits/*', element: <VisitsPages /> }];
