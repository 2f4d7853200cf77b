import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test('a rep adding a customer we already have is shown that customer, and may still create a new one knowingly', async ({ page }) => {
  const name = `华联 新店 ${runTag()}`;
  await logIn(page, 'rep.east');
  await page.getByRole('button', { name: '新建客户' }).click();
  await expect(page.getByRole('heading', { name: '新建客户' })).toBeVisible();
  await page.getByLabel('名称').fill(name);
  // The demo data's 上海华联超市 has 021-6888 1234: typed without the dash and spaces, it is the same number.
  await page.getByLabel('电话').fill('02168881234');
  await page.getByRole('button', { name: '保存' }).click();

  const dialog = page.getByRole('dialog', { name: '可能已有这位客户' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.duplicate-list')).toContainText('上海华联超市');
  await expect(dialog.locator('.duplicate-list')).toContainText('同电话');
  await expect(dialog.locator('.duplicate-list')).toContainText('负责人：张伟');
  await screenshot(page, 'customer-possible-duplicate');

  await dialog.getByRole('button', { name: '仍然新建' }).click();
  await expect(page.getByText(`已创建客户“${name}”`)).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);
});

test('a manager merges a duplicate record into the customer on the card, and the old address points to it', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  const phone = `13${String(Date.now()).slice(-9)}`;
  const keep = await east.createCustomer(`合并 老档案 ${tag}`, { phone });
  const twin = await east.post('/api/v1/customers?confirmDuplicate=true', {
    data: { name: `合并 新档案 ${tag}`, kind: 'company', phone, email: 'boss@merge.example' },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(twin.status()).toBe(201);
  const duplicate = (await twin.json()) as { id: string; name: string };
  const contact = await east.post(`/api/v1/customers/${duplicate.id}/contacts`, { data: { name: `周店长 ${tag}`, role: 'storeManager' } });
  expect(contact.status()).toBe(201);

  await logIn(page, 'manager.east');
  await page.goto(`/customers/${keep.id}`);
  await expect(page.getByRole('heading', { name: keep.name })).toBeVisible();
  const panel = page.locator('.duplicates-panel');
  await expect(panel).toContainText(duplicate.name);
  await expect(panel).toContainText('同电话');
  await panel.getByRole('button', { name: '合并到此' }).click();
  const confirm = page.getByRole('dialog', { name: `把“${duplicate.name}”合并到“${keep.name}”？` });
  await expect(confirm).toBeVisible();
  await screenshot(page, 'customer-merge');
  await confirm.locator('.ant-modal-footer').getByRole('button', { name: '合并到此' }).click();

  await expect(page.getByText(`已合并“${duplicate.name}”`)).toBeVisible();
  await expect(panel).toHaveCount(0);
  await expect(page.getByText(`周店长 ${tag}`)).toBeVisible();
  await expect(page.getByText('boss@merge.example')).toBeVisible();
  await page.getByRole('tab', { name: '变更记录' }).click();
  // The merge and the fields it filled are two entries of the same moment.
  const mergeEntry = page.locator('.history-entry', { hasText: `合并了“${duplicate.name}”` });
  await expect(mergeEntry).toContainText('转入联系人 1 位');
  await expect(page.locator('.history-entry', { hasText: 'boss@merge.example' })).toBeVisible();
  await screenshot(page, 'customer-merged');

  await page.goto(`/customers/${duplicate.id}`);
  await expect(page.getByText('该客户已合并')).toBeVisible();
  await page.getByRole('button', { name: '打开合并后的客户' }).click();
  await expect(page.getByRole('heading', { name: keep.name })).toBeVisible();
});
