import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { logIn, runTag, screenshot, test } from './support';

/** A calendar day in China, `days` from today, as the API writes days. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test('a rep records the payment of an overdue invoice and sees the ageing move', async ({ page, apiAs }) => {
  const west = await apiAs('rep.west');
  const tag = runTag();
  const customer = await west.createCustomer(`回款客户 ${tag}`, { stage: 'customer' });
  const created = await west.post('/api/v1/deals', { data: { customerId: customer.id, title: `年度货款 ${tag}`, amount: 4000 }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(created.status(), await created.text()).toBe(201);
  const deal = (await created.json()) as { id: string; version: number };
  const won = await west.post(`/api/v1/deals/${deal.id}/win`, { data: {}, headers: { 'If-Match': `"${deal.version}"`, 'Idempotency-Key': randomUUID() } });
  expect(won.status(), await won.text()).toBe(200);
  const invoice = await west.post(`/api/v1/deals/${deal.id}/invoices`, {
    data: { number: `FP-${tag}`, amount: 4000, issuedOn: chinaDay(-75), dueOn: chinaDay(-45) },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(invoice.status(), await invoice.text()).toBe(201);

  await logIn(page, 'rep.west');
  await page.goto('/deals/collections');
  await expect(page.getByRole('heading', { name: '货款回收' })).toBeVisible();
  const ageing = page.locator('.ant-card').filter({ hasText: '账龄分析' });
  await ageing.getByText('客户', { exact: true }).click();
  const ageingRow = ageing.locator('tr').filter({ hasText: customer.name });
  await expect(ageingRow).toContainText('¥4,000');
  await expect(ageingRow.locator('td').nth(4)).toHaveText('¥4,000');
  await screenshot(page, 'collections-ageing-before-payment');

  const receivables = page.locator('.ant-card').filter({ hasText: '应收账款' });
  const invoiceRow = receivables.locator('tr').filter({ hasText: `年度货款 ${tag}` });
  await expect(invoiceRow).toContainText('逾期 45 天');
  await invoiceRow.getByText('记录回款').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('方式').fill('转账');
  await dialog.getByRole('button', { name: '记录回款' }).click();
  await expect(page.getByText('回款已记录')).toBeVisible();

  await expect(ageing.locator('tr').filter({ hasText: customer.name })).toHaveCount(0);
  await expect(receivables.locator('tr').filter({ hasText: `年度货款 ${tag}` })).toHaveCount(0);
  await receivables.getByText('已收清', { exact: true }).click();
  await expect(receivables.locator('tr').filter({ hasText: `年度货款 ${tag}` })).toContainText('¥0');
  await screenshot(page, 'collections-after-payment');
});
