import { expect } from '@playwright/test';
import { chooseColleague, logIn, runTag, screenshot, test } from './support';

test('a manager transfers a rep’s customer within the team, with a reason, and the card shows the move', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const name = `转移客户 ${runTag()}`;
  const customer = await east.createCustomer(name);

  await logIn(page, 'manager.east');
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: '转移客户' }).click();
  const dialog = page.getByRole('dialog');
  await chooseColleague(page, dialog.getByLabel('接手人'), '李华东', '李华东（East）');
  await dialog.getByLabel('原因').fill('张伟休假，由经理跟进');
  await screenshot(page, 'customer-transfer');
  await dialog.getByRole('button', { name: '转移客户' }).click();

  await expect(page.getByText('已转给 李华东')).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText('负责人：李华东');
  await page.getByRole('tab', { name: '归属记录' }).click();
  await expect(page.locator('.history-entry').first()).toContainText('张伟 → 李华东');
  await expect(page.locator('.history-entry').first()).toContainText('张伟休假，由经理跟进');
  await screenshot(page, 'customer-ownership-history');

  // The rep no longer sees it.
  const rep = await east.get(`/api/v1/customers/${customer.id}`);
  expect(rep.status()).toBe(404);
});

test('a director hands a leaving rep’s whole book to another rep and sees how it was shared out', async ({ page, apiAs }) => {
  const west = await apiAs('rep.west');
  const tag = runTag();
  for (let i = 1; i <= 3; i++) {
    await west.createCustomer(`离职交接 ${tag} ${i}`);
  }

  await logIn(page, 'director');
  await page.getByRole('button', { name: '批量转移' }).click();
  const dialog = page.getByRole('dialog');
  await chooseColleague(page, dialog.getByLabel('移出人'), '刘洋', '刘洋（West）');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await chooseColleague(page, dialog.getByLabel('接手人（可多选）'), '赵西川', '赵西川（West）');
  await expect(dialog.locator('.ant-select-selection-item')).toContainText('赵西川（West）');
  await dialog.getByLabel('原因').fill('刘洋离职');
  await dialog.getByRole('button', { name: '批量转移' }).click();

  await expect(dialog.getByText(/已转移 \d+ 位客户/)).toBeVisible();
  await expect(dialog).toContainText('赵西川');
  await screenshot(page, 'customers-bulk-transfer');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  const left = await west.get(`/api/v1/customers?q=${encodeURIComponent(tag)}`);
  expect(((await left.json()) as { items: unknown[] }).items).toHaveLength(0);
});
