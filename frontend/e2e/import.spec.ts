import { expect } from '@playwright/test';
import { logIn, runTag, screenshot, test } from './support';

test('a rep imports a customer file, follows its progress and sees why a row failed; the same file again creates nobody', async ({ page }) => {
  const tag = runTag();
  const phone = `186${Date.now().toString().slice(-8)}`;
  const csv = [
    '名称,类型,电话,公司,阶段,爱好',
    `导入客户 ${tag} 甲,企业,${phone},导入 ${tag} 公司,意向客户,喝茶`,
    `导入客户 ${tag} 乙,个人,,,,钓鱼`,
    `导入客户 ${tag} 丙,个人,12-ab,,,`,
    `导入客户 ${tag} 丁,个人,+86 ${phone},,,`,
  ].join('\n');
  const file = { name: `客户-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

  await logIn(page, 'rep.east');
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('heading', { name: '导入客户' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '开始导入' }).click();

  const progress = page.locator('.ant-card').filter({ hasText: file.name }).first();
  await expect(progress.getByText('已完成')).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByText('已处理 4 / 4 行')).toBeVisible();
  await expect(progress.getByText('新建 2')).toBeVisible();
  await expect(progress.getByText('跳过 1')).toBeVisible();
  await expect(progress.getByText('失败 1')).toBeVisible();
  const failed = progress.locator('.data-table tbody tr');
  await expect(failed).toHaveCount(1);
  await expect(failed.first()).toContainText('4');
  await expect(failed.first()).toContainText('电话');
  await expect(failed.first()).toContainText('电话只能包含数字');
  await screenshot(page, 'customer-import');

  await progress.locator('.ant-radio-button-wrapper', { hasText: '跳过' }).click();
  await expect(progress.locator('.data-table tbody tr').first()).toContainText('与第 2 行是同一客户');

  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByText('新建 0 · 更新 0 · 跳过 3 · 失败 1')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('link', { name: '返回客户列表' }).click();
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').fill(`导入客户 ${tag}`);
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').press('Enter');
  await expect(page.locator('.data-table tbody tr')).toHaveCount(2);
});
