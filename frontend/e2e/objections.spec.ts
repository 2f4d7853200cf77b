import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { chooseOption, logIn, runTag, screenshot, test } from './support';

test('a rep looks up the answer to “no budget”, records on a deal that a price script worked, and the library counts it', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  const customer = await east.createCustomer(`拒绝客户 ${tag}`);
  const created = await east.post('/api/v1/deals', { data: { customerId: customer.id, title: `拒绝商机 ${tag}`, amount: 5000 }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(created.status(), await created.text()).toBe(201);
  const deal = (await created.json()) as { id: string };

  await logIn(page, 'rep.east');
  await page.goto('/deals/objections');
  await expect(page.getByRole('heading', { name: '面对拒绝' })).toBeVisible();
  await page.getByLabel('搜索手稿（中文或英文）').fill('预算');
  await page.getByLabel('搜索手稿（中文或英文）').press('Enter');
  const noBudget = page.locator('.ant-card').filter({ hasText: '“我们没有这项预算”' });
  await expect(noBudget).toContainText('明年预算');
  await expect(page.locator('.ant-card').filter({ hasText: '“你们的价格太高了”' })).toHaveCount(0);
  await screenshot(page, 'objections-search');

  await page.goto(`/deals/${deal.id}`);
  const panel = page.locator('.ant-card').filter({ hasText: '遇到的拒绝' });
  await panel.getByRole('button', { name: '记录拒绝' }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog.getByLabel('拒绝理由'), '你们的价格太高了');
  await dialog.getByLabel('使用的手稿').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '高层决策者' }).click();
  await dialog.getByLabel('备注').fill('算了总成本，约到了面谈');
  await dialog.getByRole('button', { name: '记录拒绝' }).click();
  await expect(page.getByText('已记录')).toBeVisible();
  await expect(panel).toContainText('“你们的价格太高了”');
  await expect(panel).toContainText('奏效');
  await expect(panel).toContainText('投资回报');
  await screenshot(page, 'objections-on-deal');

  await page.goto('/deals/objections');
  const price = page.locator('.ant-card').filter({ hasText: '“你们的价格太高了”' });
  await expect(price.locator('.objection-script').filter({ hasText: '高层决策者' })).toContainText('成功率 100%（1/1）');
});
