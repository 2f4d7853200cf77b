import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test('saving over a change someone else made shows "changed, reload", and reloading shows their version', async ({ page, apiAs }) => {
  const other = await apiAs('rep.east');
  const name = `并发编辑客户 ${runTag()}`;
  const customer = await other.createCustomer(name, { phone: '010-1000 0001' });

  await logIn(page, 'rep.east');
  await page.goto(`/customers/${customer.id}/edit`);
  await expect(page.getByText('编辑客户', { exact: true })).toBeVisible();

  const theirs = await other.put(`/api/v1/customers/${customer.id}`, {
    data: { name, kind: 'company', stage: 'customer', phone: '010-2000 0002' },
    headers: { 'If-Match': `"${customer.version}"` },
  });
  expect(theirs.status()).toBe(200);

  await page.getByLabel('电话').fill('010-3000 0003');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('该客户已被他人修改')).toBeVisible();
  await screenshot(page, 'customer-conflict');

  await page.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByText('该客户已被他人修改')).toBeHidden();
  await expect(page.getByLabel('电话')).toHaveValue('010-2000 0002');
  await expect(page.getByRole('heading', { name })).toContainText('成交客户');
});

test('archiving asks first, then removes the customer from the list', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const name = `待归档客户 ${runTag()}`;
  const customer = await east.createCustomer(name);

  await logIn(page, 'rep.east');
  await page.goto(`/customers/${customer.id}/edit`);
  await page.getByRole('button', { name: '归档' }).click();
  await expect(page.getByText(`归档客户“${name}”？`)).toBeVisible();
  await screenshot(page, 'customer-archive-confirm');
  await page.locator('.ant-popconfirm').getByRole('button', { name: '归档' }).click();

  await expect(page.getByText(`已归档客户“${name}”`)).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').fill(name);
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').press('Enter');
  await expect(page.getByText('没有符合条件的客户')).toBeVisible();
});
