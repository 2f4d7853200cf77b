import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { logIn, runTag, screenshot, test } from './support';

test('a director sets the year’s revenue target, is told a split that does not add up, and splits it among the regions', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  const customer = await east.createCustomer(`目标客户 ${tag}`, { stage: 'customer' });
  const created = await east.post('/api/v1/deals', { data: { customerId: customer.id, title: `目标成交 ${tag}`, amount: 120000 }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(created.status(), await created.text()).toBe(201);
  const deal = (await created.json()) as { id: string; version: number };
  const won = await east.post(`/api/v1/deals/${deal.id}/win`, { data: {}, headers: { 'If-Match': `"${deal.version}"`, 'Idempotency-Key': randomUUID() } });
  expect(won.status(), await won.text()).toBe(200);

  await logIn(page, 'director');
  await page.goto('/deals/targets');
  await expect(page.getByRole('heading', { name: '销售目标' })).toBeVisible();
  await page.getByRole('button', { name: '设定目标' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('目标', { exact: true }).fill('1000000');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('目标已设定')).toBeVisible();
  const row = page.locator('tr').filter({ hasText: '全公司' });
  await expect(row).toContainText('¥1,000,000');
  await expect(row.getByRole('progressbar')).toBeVisible();

  await row.getByText('分解').click();
  const split = page.getByRole('dialog');
  await split.getByLabel('华东 的分配额').fill('600000');
  await split.getByLabel('西南 的分配额').fill('300000');
  await expect(split.getByText('差额 ¥100,000')).toBeVisible();
  await split.getByRole('button', { name: '保存' }).click();
  await expect(split.getByText('分配合计 ¥900,000，与目标 ¥1,000,000 不符')).toBeVisible();
  await screenshot(page, 'targets-split-does-not-add-up');

  await split.getByLabel('西南 的分配额').fill('400000');
  await expect(split.getByText('差额 ¥0')).toBeVisible();
  await split.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('目标已分解')).toBeVisible();
  await row.getByRole('button', { name: /展开|Expand/ }).click();
  const regions = page.locator('.ant-table-expanded-row');
  await expect(regions.locator('tr').filter({ hasText: '华东' })).toContainText('¥600,000');
  await expect(regions.locator('tr').filter({ hasText: '西南' })).toContainText('¥400,000');
  await expect(regions.locator('tr').filter({ hasText: '华东' })).toContainText('实绩');
  await screenshot(page, 'targets-split-among-regions');
});
