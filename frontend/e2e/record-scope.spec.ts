import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test("a rep of another team never sees rep.east's customer, in the list, in search or by its address", async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const name = `华东专属客户 ${runTag()}`;
  const customer = await east.createCustomer(name);

  await logIn(page, 'rep.west');
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await expect(page.locator('.data-table')).not.toContainText(name);

  await page.getByPlaceholder('搜索名称、电话、公司或联系人').fill(name);
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').press('Enter');
  await expect(page.getByText('没有符合条件的客户')).toBeVisible();
  await screenshot(page, 'record-scope-search');

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByText('找不到该客户')).toBeVisible();
  await screenshot(page, 'record-scope-direct-link');
});
