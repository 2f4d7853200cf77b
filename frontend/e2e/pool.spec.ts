import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test('a customer released to the pool is claimed by a rep of the team, who can release it again and then waits to claim it back', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const name = `公海客户 ${runTag()}`;
  const customer = await east.createCustomer(name);
  const released = await east.post(`/api/v1/customers/${customer.id}/release`, { data: { reason: '不再跟进' }, headers: { 'If-Match': `"${customer.version}"` } });
  expect(released.status()).toBe(204);

  await logIn(page, 'manager.east');
  await page.getByRole('button', { name: '公海' }).click();
  await expect(page.getByRole('heading', { name: '公海', exact: true })).toBeVisible();
  await expect(page.getByText(/今日已领取 \d+ \/ \d+/)).toBeVisible();
  await page.getByPlaceholder('搜索公海客户').fill(name);
  await page.getByPlaceholder('搜索公海客户').press('Enter');
  const rows = page.locator('.data-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('张伟');
  await screenshot(page, 'customer-pool');

  await rows.first().getByRole('button', { name: '领取' }).click();
  await expect(page.getByText(`已领取“${name}”，现在是您的客户`)).toBeVisible();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText('负责人：李华东');
  await page.getByRole('tab', { name: '归属记录' }).click();
  await expect(page.locator('.history-entry').first()).toContainText('公海 → 李华东');
  await expect(page.locator('.history-entry').nth(1)).toContainText('张伟 → 公海');
  await screenshot(page, 'customer-pool-claimed');

  await page.getByRole('button', { name: '退回公海' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '退回公海' }).click();
  await expect(page.getByText('已退回公海')).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);

  // Its last owner now, the manager waits while the rest of the team may claim it.
  await expect(page.getByPlaceholder('搜索名称、电话、公司或联系人')).toBeVisible();
  await page.getByRole('button', { name: '公海' }).click();
  await page.getByPlaceholder('搜索公海客户').fill(name);
  await page.getByPlaceholder('搜索公海客户').press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('起可领回');
  await expect(rows.first().getByRole('button', { name: '领取' })).toHaveCount(0);
  await screenshot(page, 'customer-pool-reclaim-wait');

  // Another team's rep never sees it.
  const west = await apiAs('rep.west');
  const theirPool = await west.get(`/api/v1/customers/pool?q=${encodeURIComponent(name)}`);
  expect(((await theirPool.json()) as { items: unknown[] }).items).toHaveLength(0);
});
