import type { LocationInput } from '../../api/generated/visits-client';

/**
 * Where the browser places the rep, when they allow it: never required, so a refusal, a missing sensor or a slow fix
 * (over eight seconds) checks in without a location rather than holding the rep at the door.
 */
export function currentLocation(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation): Promise<LocationInput | undefined> {
  if (!geolocation) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) =>
        resolve({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracyMeters: Math.min(Math.round(position.coords.accuracy), 100_000),
        }),
      () => resolve(undefined),
      { enableHighAccuracy: true, timeout: 8_000, maximumAge: 60_000 },
    );
  });
}
