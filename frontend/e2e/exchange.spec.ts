import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { logIn, runTag, test } from './support';

test('a rep exports the list as filtered, as a CSV file Excel reads in Chinese', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const tag = runTag();
  await east.createCustomer(`导出客户 ${tag} 甲`);
  await east.createCustomer(`导出客户 ${tag} 乙`);

  await logIn(page, 'rep.east');
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').fill(tag);
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').press('Enter');
  await expect(page.locator('.data-table tbody tr')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^customers-\d{8}\.csv$/);
  const text = (await readFile(await file.path())).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^名称,类型,电话/);
  expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual([`导出客户 ${tag} 乙`, `导出客户 ${tag} 甲`].sort());

  // A session that ended meanwhile sends the rep to sign in, instead of saving the 401 as the file.
  await page.context().clearCookies();
  await page.getByRole('button', { name: /导出 CSV/ }).click();
  await expect(page).toHaveURL(/\/login/);
});
