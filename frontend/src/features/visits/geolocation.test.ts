import { describe, expect, it } from 'vitest';
import { currentLocation } from './geolocation';

function geolocation(answer: (success: PositionCallback, failure: PositionErrorCallback) => void): Geolocation {
  return { getCurrentPosition: answer, watchPosition: () => 0, clearWatch: () => undefined };
}

describe('currentLocation', () => {
  it('gives the browser’s position with its accuracy in whole metres', async () => {
    const found = geolocation((success) => success({ coords: { latitude: 31.23, longitude: 121.47, accuracy: 35.4 } } as GeolocationPosition));
    await expect(currentLocation(found)).resolves.toEqual({ latitude: 31.23, longitude: 121.47, accuracyMeters: 35 });
  });

  it('checks in without a location when the rep refuses', async () => {
    const refused = geolocation((_, failure) => failure({ code: 1, message: 'denied' } as GeolocationPositionError));
    await expect(currentLocation(refused)).resolves.toBeUndefined();
  });
});
