import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { logIn, runTag, screenshot, test } from './support';

/** A calendar day in China, `days` from today, as the API writes days. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test('a rep sees today’s and tomorrow’s next steps on the week board and the month’s plan on the month board', async ({ page, apiAs }) => {
  const west = await apiAs('rep.west');
  const tag = runTag();
  const customer = await west.createCustomer(`看板客户 ${tag}`, { stage: 'intent' });
  for (const [title, due] of [
    [`今天拜访 ${tag}`, chinaDay(0)],
    [`明天报价 ${tag}`, chinaDay(1)],
  ]) {
    const created = await west.post('/api/v1/deals', {
      data: { customerId: customer.id, title, amount: 12000, nextStep: `${title} 的下一步`, nextStepDue: due, expectedCloseOn: chinaDay(2) },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(created.status(), await created.text()).toBe(201);
  }

  await logIn(page, 'rep.west');
  await page.goto('/deals/focus');
  await expect(page.getByRole('heading', { name: '周看板 / 月看板' })).toBeVisible();
  await expect(page.locator('[data-list="today"]')).toContainText(`今天拜访 ${tag}`);
  await expect(page.locator('[data-list="tomorrow"]')).toContainText(`明天报价 ${tag}`);
  await expect(page.locator('[data-list="today"]')).not.toContainText(`明天报价 ${tag}`);
  await screenshot(page, 'deals-week-board');

  await page.getByRole('tab', { name: '月看板' }).click();
  const month = page.getByRole('tabpanel', { name: '月看板' });
  await expect(month.getByText('本月预计成交')).toBeVisible();
  // Today's next step is in this week's card of the month, among the next steps.
  const thisWeek = month.locator('.focus-list').filter({ hasText: `今天拜访 ${tag}` }).first();
  await expect(thisWeek).toBeVisible();
  await expect(thisWeek).toContainText('下一步');
  await screenshot(page, 'deals-month-board');
});
