import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test('the list loads 50 at a time and "load more" continues where the page ended', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  for (let i = 1; i <= 55; i++) {
    await east.createCustomer(`批量客户 ${tag} ${String(i).padStart(2, '0')}`, { stage: i % 2 === 0 ? 'intent' : 'prospect' });
  }

  await logIn(page, 'rep.east');
  await page.goto(`/customers?q=${encodeURIComponent(tag)}&sort=name`);
  const rows = page.locator('.data-table tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(page.getByText('已显示 50 位客户')).toBeVisible();
  await page.getByRole('button', { name: '加载更多' }).click();
  await expect(rows).toHaveCount(55);
  await expect(page.getByText('已显示全部 55 位客户')).toBeVisible();
  await expect(rows.last()).toContainText(`批量客户 ${tag} 55`);

  // The dark navigation runs the whole length of a long page, and its menu stays in view at the bottom.
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect((await page.locator('.shell__sider').boundingBox())!.height).toBeGreaterThanOrEqual(pageHeight - 1);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByRole('navigation', { name: '导航' })).toBeInViewport();
  await screenshot(page, 'customers-long-list');

  await page.getByLabel('阶段').click();
  await page.getByTitle('意向客户').click();
  await expect(rows).toHaveCount(27);
  await expect(page).toHaveURL(/stage=intent/);
  await screenshot(page, 'customers-filtered');
});

test('every module has its place in the navigation; unbuilt ones say so honestly', async ({ page }) => {
  await logIn(page, 'manager.east');
  const nav = page.getByRole('navigation', { name: '导航' });
  await nav.getByRole('link', { name: '商机', exact: true }).click();
  await expect(page.getByRole('heading', { name: '商机看板' })).toBeVisible();
  await nav.getByRole('link', { name: '拜访', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的一天' })).toBeVisible();
  await nav.getByRole('link', { name: '投诉', exact: true }).click();
  await expect(page.getByRole('heading', { name: '客户投诉' })).toBeVisible();
  for (const module of ['客户维护', '转介绍', '报表']) {
    await nav.getByRole('link', { name: module, exact: true }).click();
    await expect(page.getByText(`“${module}”模块尚未开放`)).toBeVisible();
  }
  await screenshot(page, 'module-not-available');

  await nav.getByRole('link', { name: '客户', exact: true }).click();
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await screenshot(page, 'customers-manager');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, 'login');
});

test('a rep keeps a filter under a name, comes back to it from a clean list, and deletes it', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  await east.createCustomer(`筛选客户 ${tag} 甲`, { stage: 'intent' });
  await east.createCustomer(`筛选客户 ${tag} 乙`, { stage: 'prospect' });
  const name = `意向 ${tag}`;

  await logIn(page, 'rep.east');
  await page.goto(`/customers?q=${encodeURIComponent(tag)}&stage=intent`);
  const rows = page.locator('.data-table tbody tr');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: '保存筛选' }).click();
  const dialog = page.getByRole('dialog', { name: '保存当前筛选' });
  await dialog.getByRole('textbox').fill(name);
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '保存筛选' }).click();
  await expect(page.getByText(`已保存筛选“${name}”`)).toBeVisible();
  await screenshot(page, 'customers-saved-filter');

  await page.goto('/customers');
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await page.getByLabel('我的筛选').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(name).click();
  await expect(page).toHaveURL(/stage=intent/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`筛选客户 ${tag} 甲`);

  await page.getByRole('button', { name: '删除这个筛选' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await page.getByLabel('我的筛选').click();
  await expect(page.locator('.ant-select-dropdown:visible').getByTitle(name)).toHaveCount(0);
});
