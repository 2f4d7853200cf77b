import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { chinaDay, logIn, runTag, screenshot, test } from './support';

test('tomorrow’s visit is cancelled on the confirmation list and its cost counted; a serious market report reaches the manager’s bell; the director’s month', async ({ page, apiAs }) => {
  const west = await apiAs('rep.west');
  const tag = runTag();
  const customer = await west.createCustomer(`约访客户 ${tag}`);
  const planned = await west.post('/api/v1/visits/plans', {
    data: { day: chinaDay(1), visits: [{ customerId: customer.id, from: '10:00', to: '11:00', purpose: 'takeOrder' }] },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(planned.status(), await planned.text()).toBe(201);

  // The rep records that the customer cancelled, with what the wasted trip cost.
  await logIn(page, 'rep.west');
  await page.goto('/visits/confirmations');
  await expect(page.getByRole('heading', { name: '约访确认' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`约访客户 ${tag}`) });
  await expect(row.getByText('待确认')).toBeVisible();
  await row.getByRole('button', { name: '记录' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '确认结果' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('取消', { exact: true }).click();
  await dialog.getByLabel('原因').fill('老板临时出差');
  await dialog.getByLabel('损失费用（元）').fill('20');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(row.getByText('老板临时出差')).toBeVisible();
  await screenshot(page, 'visits-confirmations');

  // A serious market report: the manager is told at once.
  await page.goto('/visits/market-reports');
  await page.getByRole('button', { name: '反映情况' }).click();
  const report = page.getByRole('dialog');
  await report.getByRole('combobox', { name: '严重程度' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('严重', { exact: true }).click();
  await expect(report.getByText('严重情况会立即通知您的主管和总监。')).toBeVisible();
  await report.getByLabel('竞争对手').fill(`某饮料 ${tag}`);
  await report.getByLabel('情况描述').fill(`某饮料买十送三 ${tag}`);
  await report.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('cell', { name: new RegExp(`某饮料买十送三 ${tag}`) })).toBeVisible();

  await page.context().clearCookies();
  await logIn(page, 'manager.west');
  await page.getByRole('button', { name: '通知' }).click();
  await expect(page.getByText(`刘洋 反映重要市场情况：某饮料买十送三 ${tag}`)).toBeVisible();
  await screenshot(page, 'visits-serious-market-report');

  // The director's monthly view: every team, with the chart.
  await page.context().clearCookies();
  await logIn(page, 'director');
  await page.goto('/visits/monthly');
  await expect(page.getByRole('heading', { name: '月度总览' })).toBeVisible();
  await expect(page.locator('.visits-monthly canvas')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'West', exact: true })).toBeVisible();
  await screenshot(page, 'visits-monthly');
});
