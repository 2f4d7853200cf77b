import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test('value tier: a customer without purchases is unrated; a rep sets A by hand with a reason and finds it by the filter', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const name = `价值分级 ${runTag()}`;
  const customer = await east.createCustomer(name);

  await logIn(page, 'rep.east');
  await page.goto(`/customers/${customer.id}`);
  const panel = page.locator('.ant-card').filter({ hasText: '价值分级' });
  await expect(panel.getByText('未评级').first()).toBeVisible();
  await expect(panel.getByText('统计期内没有成交记录')).toBeVisible();

  await panel.getByRole('button', { name: '调整分级' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-radio-button-wrapper', { hasText: 'A 高价值' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写调整原因')).toBeVisible();
  await dialog.getByLabel('调整原因').fill('线下大单，成交尚未录入');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('价值分级已更新')).toBeVisible();
  await expect(page.getByRole('heading', { name })).toContainText('A 高价值');
  await expect(panel.getByText('线下大单，成交尚未录入')).toBeVisible();
  await screenshot(page, 'customer-value-tier');

  await page.goto('/customers?valueTier=a');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.goto('/customers?valueTier=unrated');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  const history = (await (await east.get(`/api/v1/customers/${customer.id}/history`)).json()) as { items: { changes: { field: string; new: string }[] }[] };
  expect(history.items[0].changes).toContainEqual(expect.objectContaining({ field: 'valueTierOverride', new: 'a' }));
});
