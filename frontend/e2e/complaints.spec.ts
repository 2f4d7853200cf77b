import { expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { chooseOption, logIn, runTag, screenshot, test } from './support';

/** A `datetime-local` value (YYYY-MM-DDTHH:mm) on Beijing time, `hours` from now: what the forms take. */
function chinaLocal(hours: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + hours * 3_600_000));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

async function switchTo(page: Page, userName: string): Promise<void> {
  await page.context().clearCookies();
  await logIn(page, userName);
}

/** The complaint page's next-step button; a dialog's fields follow. */
async function step(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

test('a key customer’s complaint: logged, answered with a promised time, the breach shown and the manager told, a standard answer given, a goodwill gift, the customer satisfied and the case closed; the report form printed', async ({
  page,
  apiAs,
}) => {
  // The SLA watch runs once a minute: the breach appears within two.
  test.setTimeout(240_000);
  const tag = runTag();
  const rep = await apiAs('rep.east');
  const service = await apiAs('service');
  const customer = await rep.createCustomer(`投诉重点客户 ${tag}`, { stage: 'customer', importance: 'key' });
  const answerQuestion = `瓶盖渗漏${tag}怎么答复？`;
  const written = await service.post('/api/v1/complaints/answers', {
    data: { question: answerQuestion, answer: '先致歉并拍照留证，24 小时内补发新品，渗漏品上门回收。', product: '500ml', causeKey: 'productQuality' },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(written.status(), await written.text()).toBe(201);

  // The rep logs the complaint the customer phoned in yesterday: critical, from a key customer.
  await logIn(page, 'rep.east');
  await page.goto(`/complaints/new?customerId=${customer.id}`);
  await expect(page.getByRole('heading', { name: '登记客户投诉' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '客户' }).locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText(customer.name);
  await chooseOption(page, page.locator('#severity'), '紧急');
  await page.getByLabel('产品').fill('500ml');
  await page.getByLabel('收到时间').fill(chinaLocal(-30));
  await page.getByLabel('投诉主题').fill('整批货瓶盖渗漏');
  await page.getByLabel('投诉内容').fill('客户来电：本周到货的两箱 500ml 瓶盖渗漏，货架被污染，要求尽快处理。');
  await screenshot(page, 'complaint-intake');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: /整批货瓶盖渗漏/ })).toBeVisible();
  const complaintUrl = page.url();

  // Told the customer by phone, with a promise four hours ago: the countdown shows it overdue.
  await step(page, '答复客户');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('承诺时间').fill(chinaLocal(-4));
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^已超时 [34] 小时/).first()).toBeVisible();
  await expect(page.getByTestId('step-acknowledged')).toBeVisible();

  // The SLA watch records the breach once: the page shows it, and the team's manager is told.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('step-breached').first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 150_000, intervals: [5000] });
  await expect(page.getByText('已违约').first()).toBeVisible();
  await screenshot(page, 'complaint-breached');

  // The notification is delivered a moment after the breach is recorded (the outbox): the bell is read again until it is there.
  await switchTo(page, 'manager.east');
  const breachNotice = page.getByText(`${customer.name} 的投诉已超过承诺时间：整批货瓶盖渗漏`).first();
  await expect(async () => {
    await page.reload();
    await page.getByRole('button', { name: /^通知/ }).click();
    await expect(breachNotice).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await breachNotice.click();
  await expect(page).toHaveURL(complaintUrl);

  // The rep investigates and gives the standard answer found by its words.
  await switchTo(page, 'rep.east');
  await page.goto(complaintUrl);
  await step(page, '开始调查');
  await expect(page.getByText('调查中').first()).toBeVisible();
  await step(page, '采用标准回答');
  const picker = page.getByRole('dialog', { name: '采用标准回答' });
  await picker.getByRole('searchbox', { name: '搜索问题、回答或产品' }).fill(`渗漏${tag}`);
  const found = picker.locator('.answer-item').filter({ hasText: answerQuestion });
  await expect(picker.locator('.answer-item')).toHaveCount(1);
  await expect(found).toContainText('已用 0 次');
  await screenshot(page, 'complaint-standard-answer');
  await found.getByRole('button', { name: '采用' }).click();
  await expect(picker).toBeHidden();
  await expect(page.locator('.ant-card').filter({ hasText: '采用的标准回答' })).toContainText(answerQuestion);
  await expect(page.getByTestId('step-answerUsed')).toBeVisible();

  // A goodwill gift for a key customer's critical complaint, carried out; the customer is satisfied.
  await step(page, '提出处理方案');
  const proposal = page.getByRole('dialog');
  await chooseOption(page, proposal.locator('#kind'), '赠送');
  await proposal.getByLabel('方案说明').fill('补发两箱新品，另赠送一箱 500ml 作为补偿');
  await proposal.getByLabel('费用（元）').fill('860');
  await proposal.getByRole('button', { name: '提交' }).click();
  await expect(proposal).toBeHidden();
  await expect(page.getByText('已提出方案').first()).toBeVisible();
  await step(page, '方案已落实');
  await expect(page.getByText('已解决').first()).toBeVisible();
  await step(page, '客户确认满意');
  const closing = page.getByRole('dialog');
  await closing.getByLabel('客户的话').fill('王经理表示满意，感谢及时处理');
  await closing.getByRole('button', { name: '提交' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByText('已结案').first()).toBeVisible();
  await expect(page.getByTestId('step-closed')).toContainText('王经理表示满意');
  await screenshot(page, 'complaint-closed');

  // The report form, as the printer sees it.
  await page.getByRole('button', { name: '打印报告表' }).click();
  await expect(page.getByRole('heading', { name: '客户投诉处理报告表' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.report-sheet');
  await expect(sheet).toContainText(customer.name);
  await expect(sheet).toContainText('赠送');
  await expect(sheet).toContainText('¥860');
  await expect(sheet).toContainText('超过承诺时间');
  await expect(page.getByRole('navigation', { name: '导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await screenshot(page, 'complaint-report-print');
});

test('the standard answers: a manager writes one, a new edition keeps the old words, a rep finds it by two Chinese characters and cannot edit it', async ({ page }) => {
  const tag = runTag();
  const question = `发票${tag}开错了怎么办？`;
  await logIn(page, 'manager.east');
  await page.goto('/complaints/answers');
  await page.getByRole('button', { name: '新增标准回答' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByLabel('问题').fill(question);
  await editor.getByLabel('回答').fill('三个工作日内重开发票。');
  await chooseOption(page, editor.locator('#causeKey'), '价格与账单');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor).toBeHidden();

  await page.getByRole('searchbox', { name: '搜索问题、回答或产品' }).fill(tag);
  const item = page.locator('.answer-item').filter({ hasText: question });
  await expect(item).toContainText('第 1 版');
  await item.getByRole('button', { name: '修改' }).click();
  await editor.getByLabel('回答').fill('两个工作日内重开发票并快递寄出。');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor).toBeHidden();
  await expect(item).toContainText('第 2 版');
  await expect(item).toContainText('两个工作日内重开发票并快递寄出。');
  await item.getByRole('button', { name: '历史版本' }).click();
  const history = page.getByRole('dialog');
  await expect(history).toContainText('三个工作日内重开发票。');
  await expect(history).toContainText('第 1 版');
  await history.getByRole('button', { name: '关闭' }).click();
  await expect(history).toBeHidden();

  await switchTo(page, 'rep.east');
  await page.goto('/complaints/answers');
  await expect(page.getByRole('button', { name: '新增标准回答' })).toHaveCount(0);
  await page.getByRole('searchbox', { name: '搜索问题、回答或产品' }).fill('快递');
  const found = page.locator('.answer-item').filter({ hasText: question });
  await expect(found).toBeVisible();
  await expect(found.getByRole('button', { name: '修改' })).toHaveCount(0);
  await screenshot(page, 'complaint-answers-search');

  // Service staff keep the root-cause list: a new category is offered at once, a retired one no longer.
  await switchTo(page, 'service');
  await page.goto('/complaints/pareto');
  await page.getByRole('button', { name: '原因分类' }).click();
  const causes = page.getByRole('dialog', { name: '原因分类' });
  await causes.getByRole('textbox', { name: '代码' }).fill(`pack${tag}`);
  await causes.getByPlaceholder('名称', { exact: true }).fill(`包装${tag}`);
  await causes.getByPlaceholder('英文名称').fill('Packaging');
  await causes.getByRole('button', { name: '添加' }).click();
  const added = causes.getByTestId(`cause-pack${tag}`);
  await expect(added).toBeVisible();
  await added.getByRole('switch').click();
  await expect(added.getByRole('switch')).not.toBeChecked();
  await screenshot(page, 'complaint-causes');
});

test('a market report about a customer becomes a complaint the report links to; a visit about it is checked out and the complaint keeps what the customer was told', async ({
  page,
  apiAs,
}) => {
  const tag = runTag();
  // rep.west: rep.east's visits of today are counted by the visits journey.
  const rep = await apiAs('rep.west');
  const customer = await rep.createCustomer(`市场反映客户 ${tag}`, { stage: 'customer' });
  const response = await rep.post('/api/v1/visits/market-reports', {
    data: { kind: 'distributorComplaint', severity: 'notable', customerId: customer.id, description: `经销商抱怨包装破损 ${tag}` },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(response.status(), await response.text()).toBe(201);
  const report = (await response.json()) as { id: string };

  await logIn(page, 'rep.west');
  await page.goto(`/visits/market-reports/${report.id}`);
  await page.getByRole('button', { name: '转为客户投诉' }).click();
  await expect(page.getByText('由市场状况反映表转入')).toBeVisible();
  await page.getByLabel('投诉主题').fill('经销商投诉包装破损');
  await page.getByLabel('投诉内容').fill(`经销商抱怨包装破损 ${tag}`);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: /经销商投诉包装破损/ })).toBeVisible();
  await expect(page.getByText('来自市场状况反映表')).toBeVisible();

  const complaintUrl = page.url();
  await page.goto(`/visits/market-reports/${report.id}`);
  await page.getByRole('button', { name: '查看由此登记的投诉' }).click();
  await expect(page.getByRole('heading', { name: /经销商投诉包装破损/ })).toBeVisible();

  // The rep visits the customer about it: the check-out names the complaint, which keeps the outcome.
  const checkIn = await rep.post('/api/v1/visits/records/check-in', { data: { customerId: customer.id, purpose: 'complaintHandling' }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(checkIn.status(), await checkIn.text()).toBe(201);
  await page.goto('/visits');
  const visit = page.locator('.ant-card').filter({ hasText: '今日拜访' }).locator('.ant-list-item').filter({ hasText: customer.name });
  await visit.getByRole('button', { name: '签退' }).click();
  const checkOut = page.getByRole('dialog');
  await checkOut.getByLabel('拜访结果').fill(`当面致歉，约定周五补发 ${tag}`);
  await chooseOption(page, checkOut.locator('#complaintId'), '经销商投诉包装破损');
  await checkOut.getByRole('button', { name: '签退' }).click();
  await expect(checkOut).toBeHidden();
  await expect(visit).toContainText('相关投诉: 经销商投诉包装破损');
  await page.goto(complaintUrl);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('step-customerUpdated')).toContainText(`当面致歉，约定周五补发 ${tag}`, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('step-customerUpdated')).toContainText('拜访');

  // The customer's card counts it among the open complaints.
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByTestId('open-complaints')).toHaveText(/未结投诉 1 件/);
});
