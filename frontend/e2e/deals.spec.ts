import { expect, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { logIn, runTag, screenshot, test, type ApiSession } from './support';

interface ApiDeal {
  id: string;
  version: number;
}

async function openDeal(api: ApiSession, customerId: string, title: string, amount: number, expectedCloseOn: string): Promise<ApiDeal> {
  const response = await api.post('/api/v1/deals', { data: { customerId, title, amount, expectedCloseOn }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ApiDeal;
}

/** Drags with the mouse as a person does: press, move in steps (the board starts a drag after a few pixels), release over the column. */
async function drag(page: Page, card: Locator, column: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await column.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await page.mouse.up();
}

test('a rep drags a deal across stages, is told when someone moved it first, wins one from the board and sees the customer become a buyer', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  const customer = await east.createCustomer(`商机看板 ${tag}`, { stage: 'intent' });
  // Expected long ago, so they lead their columns however many deals other journeys left.
  await openDeal(east, customer.id, `春季备货 ${tag}`, 48_000, '2025-01-02');
  const contested = await openDeal(east, customer.id, `门店陈列 ${tag}`, 6_500, '2025-01-03');

  await logIn(page, 'rep.east');
  await page.goto('/deals');
  await expect(page.getByRole('heading', { name: '商机看板' })).toBeVisible();
  const column = (stage: string) => page.locator(`[data-stage="${stage}"]`);
  const card = (title: string) => page.locator(`[data-deal="${title}"]`);
  await expect(column('plan').locator(card(`春季备货 ${tag}`))).toBeVisible();

  await drag(page, card(`春季备货 ${tag}`), column('recommend'));
  await expect(page.getByText(`“春季备货 ${tag}”已移至产品推荐`)).toBeVisible();
  await expect(column('recommend').locator(card(`春季备货 ${tag}`))).toBeVisible();
  await screenshot(page, 'deals-board-moved');

  // Without a mouse: the card's menu moves it too.
  await card(`门店陈列 ${tag}`).getByRole('button', { name: `移动“门店陈列 ${tag}”到…` }).click();
  // Meanwhile a colleague's session moves the same deal: the board's copy is now out of date.
  const moved = await east.put(`/api/v1/deals/${contested.id}/stage`, { data: { stage: 'develop' }, headers: { 'If-Match': `"${contested.version}"` } });
  expect(moved.status()).toBe(200);
  await page.getByRole('menuitem', { name: '约见面谈' }).click();
  await expect(page.getByText('该商机已被他人修改，看板已重新加载，请再操作一次。')).toBeVisible();
  await expect(column('develop').locator(card(`门店陈列 ${tag}`))).toBeVisible();

  await drag(page, card(`春季备货 ${tag}`), column('close'));
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('成交：春季备货');
  await screenshot(page, 'deals-win-dialog');
  await dialog.getByRole('button', { name: '确认成交' }).click();
  await expect(page.getByRole('heading', { name: `春季备货 ${tag}` })).toContainText('已成交');
  await expect(page.getByText('成交（双方成交）')).toBeVisible();

  await page.getByRole('link', { name: customer.name }).click();
  // The purchase reaches the customer through the outbox: a moment after the win.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: customer.name })).toContainText('成交客户', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: customer.name })).toContainText('C 低价值');
  await page.getByRole('tab', { name: '成交档案' }).click();
  await expect(page.locator('.purchase-entry')).toContainText(`春季备货 ${tag}`);
  await expect(page.locator('.purchase-entry')).toContainText('¥48,000');
  await screenshot(page, 'customer-purchases-after-win');
});
