import { expect, type Page } from '@playwright/test';
import { chinaDay, logIn, runTag, screenshot, test, type ApiSession } from './support';

interface Plan {
  id: string;
  status: string;
  visits: { customerId: string }[];
}

interface Weekly {
  figures: { team: { effectiveVisitRate?: number | null; planned: number; effectiveVisits: number } };
}

async function todaysPlan(api: ApiSession): Promise<Plan> {
  const response = await api.get(`/api/v1/visits/plans?day=${chinaDay()}`);
  expect(response.status(), await response.text()).toBe(200);
  const plans = (await response.json()) as Plan[];
  expect(plans).toHaveLength(1);
  return plans[0];
}

async function switchTo(page: Page, userName: string): Promise<void> {
  await page.context().clearCookies();
  await logIn(page, userName);
}

test('a rep’s day: plan three visits, returned, fixed and approved; check in with the location and out; the report and the manager’s comment; the week’s effective visit rate', async ({ page, apiAs }) => {
  const rep = await apiAs('rep.east');
  const tag = runTag();
  const names = ['甲', '乙', '丙'].map((n) => `拜访客户${n} ${tag}`);
  for (const name of names) {
    await rep.createCustomer(name);
  }

  // The rep plans three visits for today and submits the plan.
  await logIn(page, 'rep.east');
  await page.goto('/visits');
  await expect(page.getByRole('heading', { name: '我的一天' })).toBeVisible();
  await page.getByRole('button', { name: '制订计划' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByRole('button', { name: '添加拜访' }).click();
  await editor.getByRole('button', { name: '添加拜访' }).click();
  for (const [i, name] of names.entries()) {
    // Picked once the server's answer lists the customer and nothing is loading: a click on a list being redrawn could
    // land on the row beneath it.
    const field = editor.getByRole('combobox', { name: '客户' }).nth(i);
    const picker = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
    const option = page.locator('.ant-select-dropdown:visible').getByTitle(`${name}（${name}）`);
    await expect(async () => {
      await field.click();
      await field.fill(name);
      await expect(option).toBeVisible();
      await expect(picker.locator('.anticon-loading')).toHaveCount(0);
      await option.click();
      await expect(picker).toContainText(name, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
  }
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor).toBeHidden();
  const planCard = page.locator('.ant-card').filter({ hasText: '拜访计划' }).first();
  for (const name of names) {
    await expect(planCard.getByRole('cell', { name })).toBeVisible();
  }
  await planCard.getByRole('button', { name: '提交审批' }).click();
  await expect(planCard.getByText('待审批')).toBeVisible();
  await screenshot(page, 'visits-plan-submitted');
  const submitted = await todaysPlan(rep);

  // The manager returns it with a comment.
  await switchTo(page, 'manager.east');
  await page.goto('/visits/inbox');
  const planInInbox = page.getByTestId(`plan-${submitted.id}`);
  await planInInbox.getByRole('textbox', { name: '退回意见' }).fill('丙今天不在店里，换个日子');
  await planInInbox.getByRole('button', { name: '退回' }).click();
  await expect(planInInbox).toBeHidden();

  // The rep sees the comment, takes 丙 off and submits again; the manager approves.
  await switchTo(page, 'rep.east');
  await page.goto('/visits');
  await expect(page.getByText('主管退回意见：丙今天不在店里，换个日子')).toBeVisible();
  await screenshot(page, 'visits-plan-returned');
  await planCard.getByRole('button', { name: '修改计划' }).click();
  await editor.getByRole('button', { name: '移除' }).nth(2).click();
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor).toBeHidden();
  await expect(planCard.getByRole('cell', { name: names[2] })).toBeHidden();
  await planCard.getByRole('button', { name: '提交审批' }).click();
  await expect(planCard.getByText('待审批')).toBeVisible();
  await switchTo(page, 'manager.east');
  await page.goto('/visits/inbox');
  await page.getByTestId(`plan-${submitted.id}`).getByRole('button', { name: '批准' }).click();
  await expect(page.getByTestId(`plan-${submitted.id}`)).toBeHidden();
  expect((await todaysPlan(rep)).status).toBe('approved');

  // The rep checks in at 甲 where the browser places them, and out with an order.
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 31.2304, longitude: 121.4737, accuracy: 35 });
  await switchTo(page, 'rep.east');
  await page.goto('/visits');
  await expect(planCard.getByText('已批准')).toBeVisible();
  await planCard.getByRole('row', { name: new RegExp(names[0]) }).getByRole('button', { name: '签到' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '签到' }).click();
  const visitsCard = page.locator('.ant-card').filter({ hasText: '今日拜访' });
  await expect(visitsCard.getByText('已定位（±35 米）')).toBeVisible();
  await visitsCard.getByRole('button', { name: '签退' }).click();
  const checkOut = page.getByRole('dialog');
  await checkOut.getByLabel('拜访结果').fill('订了二十箱，下周送货');
  await checkOut.getByLabel('费用（元）').fill('25');
  await checkOut.getByLabel('本次拜访成交').check();
  await checkOut.getByRole('button', { name: '签退' }).click();
  await expect(checkOut).toBeHidden();
  await expect(visitsCard.getByText('订了二十箱，下周送货')).toBeVisible();

  // The daily report starts from the day's visit; the rep adds the day's lesson and files it.
  const reportCard = page.locator('.ant-card').filter({ hasText: '每日销售报告' });
  await expect(reportCard.locator('.ant-statistic').filter({ hasText: '有效拜访' }).locator('.ant-statistic-content')).toHaveText('1');
  await reportCard.getByLabel('今日心得').fill('先约再访，少跑空路');
  await reportCard.getByRole('button', { name: '提交日报' }).click();
  await expect(reportCard.getByText('等待主管批示')).toBeVisible();
  await screenshot(page, 'visits-my-day');

  // The manager comments on the report (批示); the rep reads it.
  await switchTo(page, 'manager.east');
  await page.goto('/visits/inbox');
  await page.getByRole('tab', { name: /日报/ }).click();
  const reportInInbox = page.locator('.ant-card').filter({ hasText: '张伟' }).filter({ hasText: chinaDay() });
  await reportInInbox.getByRole('textbox', { name: '批示' }).fill('做得好，明天把丙约上');
  await screenshot(page, 'visits-inbox-report');
  await reportInInbox.getByRole('button', { name: '批示' }).click();
  await expect(reportInInbox).toBeHidden();
  await switchTo(page, 'rep.east');
  await page.goto('/visits');
  await expect(page.getByText('主管批示：做得好，明天把丙约上')).toBeVisible();

  // The week's report (compiled every Monday, and on demand) shows the effective visit rate.
  const manager = await apiAs('manager.east');
  await switchTo(page, 'manager.east');
  await page.goto('/visits/weekly');
  await page.getByRole('button', { name: '汇总本周' }).click();
  await expect(page).toHaveURL(/\/visits\/weekly\/[0-9a-f-]+$/);
  const id = page.url().split('/').pop()!;
  const weekly = (await (await manager.get(`/api/v1/visits/weekly-reports/${id}`)).json()) as Weekly;
  expect(weekly.figures.team.effectiveVisits).toBeGreaterThan(0);
  const rate = weekly.figures.team.effectiveVisitRate;
  expect(rate).toBeGreaterThan(0);
  const figure = page.locator('.ant-statistic').filter({ hasText: '有效拜访率' });
  await expect(figure.locator('.ant-statistic-content')).toHaveText(`${rate}%`);
  await screenshot(page, 'visits-weekly-report');
});
