import { expect } from '@playwright/test';
import { logIn, screenshot, test } from './support';

test('an admin changes the contact cadence, the pool rules and the value tiers; a rep reads them but cannot change them', async ({ page, apiAs }) => {
  await logIn(page, 'admin');
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '客户设置' })).toBeVisible();
  await page.locator('#cadence_priority_callEveryDays').fill('14');
  await page.locator('#pool_claimsPerDay').fill('5');
  await page.locator('#valueTiers_windowMonths').fill('6');
  await screenshot(page, 'customer-settings');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  const rep = await apiAs('rep.east');
  const settings = (await (await rep.get('/api/v1/customers/settings')).json()) as {
    cadence: { priority: { callEveryDays: number } };
    pool: { claimsPerDay: number };
    valueTiers: { windowMonths: number; aTotal: number };
    loyalty: { relationshipLevel: number };
  };
  expect(settings.cadence.priority.callEveryDays).toBe(14);
  expect(settings.pool.claimsPerDay).toBe(5);
  expect(settings.valueTiers).toMatchObject({ windowMonths: 6, aTotal: 100000 });
  expect(settings.loyalty.relationshipLevel).toBe(3);

  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, 'rep.east');
  await page.goto('/customers/settings');
  await expect(page.getByText('只有管理员可以修改这些设置。')).toBeVisible();
  await expect(page.locator('#cadence_priority_callEveryDays')).toBeDisabled();
  await expect(page.locator('#cadence_priority_callEveryDays')).toHaveValue('14');
});
