import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { logIn, runTag, screenshot, test, type ApiSession } from './support';

interface Figures {
  callsMade: number;
  callsReached: number;
  appointments: number;
  recommendations: number;
  dealsWon: number;
  amount: number;
}

async function ownFigures(api: ApiSession): Promise<Figures> {
  const response = await api.get('/api/v1/deals/funnel');
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { total: Figures }).total;
}

test('a rep’s calls, meeting, recommendation and win show in their activity funnel, with what each call earned', async ({ page, apiAs }) => {
  const west = await apiAs('rep.west');
  const before = await ownFigures(west);
  const tag = runTag();
  const customer = await west.createCustomer(`漏斗客户 ${tag}`);
  for (const outcome of ['reached', 'reached', 'notReached', 'notReached']) {
    const call = await west.post(`/api/v1/customers/${customer.id}/interactions`, { data: { kind: 'call', outcome, summary: '电话开发' }, headers: { 'Idempotency-Key': randomUUID() } });
    expect(call.status(), await call.text()).toBe(201);
  }
  const meeting = await west.post(`/api/v1/customers/${customer.id}/interactions`, { data: { kind: 'meeting', summary: '约见面谈' }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(meeting.status(), await meeting.text()).toBe(201);
  const created = await west.post('/api/v1/deals', { data: { customerId: customer.id, title: `漏斗成交 ${tag}`, amount: 8000 }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(created.status(), await created.text()).toBe(201);
  const deal = (await created.json()) as { id: string; version: number };
  const moved = await west.put(`/api/v1/deals/${deal.id}/stage`, { data: { stage: 'recommend' }, headers: { 'If-Match': `"${deal.version}"` } });
  expect(moved.status(), await moved.text()).toBe(200);
  const recommended = (await moved.json()) as { version: number };
  const won = await west.post(`/api/v1/deals/${deal.id}/win`, { data: {}, headers: { 'If-Match': `"${recommended.version}"`, 'Idempotency-Key': randomUUID() } });
  expect(won.status(), await won.text()).toBe(200);
  const after = await ownFigures(west);
  expect(after).toMatchObject({
    callsMade: before.callsMade + 4,
    callsReached: before.callsReached + 2,
    appointments: before.appointments + 1,
    recommendations: before.recommendations + 1,
    dealsWon: before.dealsWon + 1,
    amount: before.amount + 8000,
  });

  await logIn(page, 'rep.west');
  await page.goto('/deals/funnel');
  await expect(page.getByRole('heading', { name: '活动漏斗' })).toBeVisible();
  await expect(page.locator('.funnel-page canvas')).toBeVisible();
  const row = page.locator('tr').filter({ hasText: '刘洋' });
  await expect(row.locator('td').nth(1)).toHaveText(String(after.callsMade));
  await expect(row.locator('td').nth(5)).toHaveText(String(after.dealsWon));
  await expect(page.getByText('每次电话销售金额').first()).toBeVisible();
  await screenshot(page, 'funnel-rep-month');
});
