import { lazy } from 'react';
import type { PathRouteProps } from 'react-router';

// The complaints pages route among themselves (ComplaintsPages): the app's first load carries one lazy import for all of them.
const ComplaintsPages = lazy(() => import('./ComplaintsPages'));

/** The complaints pages, mounted by app/router.tsx inside the signed-in frame. */
export const complaintsRoutes: PathRouteProps[] = [{ path: 'complaints/*', element: <ComplaintsPages /> }];
