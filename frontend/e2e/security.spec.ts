import { expect } from '@playwright/test';
import { test } from './support';

test('the app is served with its protections and no server banner', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};

  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self';");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers.server).toBeUndefined();
});

test('the API docs work under the same content policy', async ({ page }) => {
  await page.goto('/docs/');

  await expect(page.getByRole('heading', { name: /CrmPlatform API/ })).toBeVisible();
  // The first tag's first operation: Swagger UI draws operations as they scroll into view, so a later tag's may not be drawn yet.
  await expect(page.getByText('/api/v1/auth/login').first()).toBeVisible();
});
