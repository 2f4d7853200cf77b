import { expect } from '@playwright/test';
import { chooseOption, logIn, runTag, screenshot, test } from './support';

test('a rep creates a customer, finds it, edits it, is told about a bad field, and switches to English', async ({ page }) => {
  const name = `晨曦贸易 ${runTag()}`;
  // A number of its own: the demo data's 上海华联超市 has 021-6888 1234, and a shared number is a possible duplicate.
  const digits = String(Date.now()).slice(-8);
  const phone = `021-${digits.slice(0, 4)} ${digits.slice(4)}`;
  await logIn(page, 'rep.east');
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await expect(page.locator('.shell__user')).toContainText('张伟');

  await page.getByRole('button', { name: '新建客户' }).click();
  await expect(page.getByRole('heading', { name: '新建客户' })).toBeVisible();
  await page.getByLabel('名称').fill(name);
  await page.getByLabel('电话').fill(phone);
  await page.getByLabel('公司').fill('上海晨曦贸易有限公司');
  await page.getByLabel('地区').fill('上海');
  await page.getByLabel('行业').fill('零售');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建客户“${name}”`)).toBeVisible();
  await expect(page).toHaveURL(/\/customers$/);

  await page.getByPlaceholder('搜索名称、电话、公司或联系人').fill(name);
  await page.getByPlaceholder('搜索名称、电话、公司或联系人').press('Enter');
  await expect(page).toHaveURL(/q=/);
  const rows = page.locator('.data-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(phone);
  await expect(rows.first()).toContainText('潜在客户');
  await expect(rows.first()).toContainText('张伟');
  await screenshot(page, 'customers-search');

  await page.getByRole('link', { name }).click();
  await page.getByRole('button', { name: '编辑档案' }).click();
  await expect(page.getByText('编辑客户', { exact: true })).toBeVisible();
  await page.getByLabel('职位').fill('采购总监');
  await page.getByLabel('阶段').click();
  await page.getByTitle('意向客户').click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('heading', { name })).toContainText('意向客户');

  await page.getByLabel('电子邮箱').fill('not-an-email');
  await page.getByRole('button', { name: '保存' }).click();
  const emailField = page.locator('.ant-form-item').filter({ has: page.locator('#email') });
  await expect(emailField.getByText('不是有效的电子邮箱地址。')).toBeVisible();
  await expect(page.getByText('请修正标出的字段后再保存。')).toBeVisible();
  await screenshot(page, 'customer-validation-error');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Edit customer', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation' })).toContainText('Customers');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(emailField.getByText("'Email' is not a valid email address.")).toBeVisible();
  // The Chinese message animates out once the English one arrives.
  await expect(emailField.getByText('不是有效的电子邮箱地址。')).toHaveCount(0);
  await screenshot(page, 'customer-english');

  await page.getByLabel('Email').fill('buyer@chenxi.example.cn');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved')).toBeVisible();
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  await screenshot(page, 'customers-list-english');
});

test('a new customer the server refuses can be corrected and saved, and exists once', async ({ page, apiAs }) => {
  const name = `更正后保存 ${runTag()}`;
  await logIn(page, 'rep.east');
  await page.goto('/customers/new');
  await expect(page.getByLabel('名称')).toHaveAttribute('maxlength', '100');

  await page.getByLabel('名称').fill(name);
  await page.getByLabel('电话').fill('abc');
  await page.getByRole('button', { name: '保存' }).click();
  const phoneField = page.locator('.ant-form-item').filter({ has: page.locator('#phone') });
  await expect(phoneField.locator('.ant-form-item-explain-error')).toBeVisible();
  await screenshot(page, 'customer-create-refused');

  await page.getByLabel('电话').fill('0571-8888 0000');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建客户“${name}”`)).toBeVisible();

  const east = await apiAs('rep.east');
  const found = await east.get(`/api/v1/customers?q=${encodeURIComponent(name)}`);
  expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(1);
});

test('a rep records the profile and classification, and finds the customer by them', async ({ page }) => {
  const name = `档案 周总 ${runTag()}`;
  const tag = `茶友${runTag()}`;
  await logIn(page, 'rep.east');
  await page.goto('/customers/new');
  await page.getByLabel('名称').fill(name);
  await page.locator('#kind').getByText('个人').click();
  await page.getByLabel('备用号码').fill('0571-8765 4321');
  await page.getByLabel('备用号码').press('Enter');
  await page.getByLabel('标签').fill(tag);
  await page.getByLabel('标签').press('Enter');
  await page.locator('#importance').getByText('重要').click();
  await page.locator('#priorityTier').getByText('优先').click();
  await page.getByLabel('客情层次').click();
  await page.getByTitle('3 级 · 解决困难').click();
  await page.getByLabel('生日').fill('1975-06-01');
  await page.getByLabel('爱好').fill('喝茶、钓鱼');
  await page.getByLabel('家庭情况').fill('儿子在英国读书');
  await page.getByLabel('偏好产品').fill('高端礼盒');
  await screenshot(page, 'customer-profile-form');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已创建客户“${name}”`)).toBeVisible();
  // The URL changes first; the list replaces the form once its code has loaded.
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

  await page.getByLabel('标签').fill(tag);
  await page.getByLabel('标签').press('Enter');
  await expect(page).toHaveURL(/tag=/);
  await expect(page.getByLabel('标签')).toHaveValue(tag);
  await page.getByLabel('重要程度').click();
  await page.getByTitle('重要', { exact: true }).click();
  await expect(page).toHaveURL(/importance=key/);
  await expect(page).toHaveURL(/tag=/);
  await expect(page.getByLabel('标签')).toHaveValue(tag);
  await expect(page.locator('.data-table table')).toHaveAttribute('aria-busy', 'false');
  const rows = page.locator('.data-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText('优先');
  await expect(rows.first()).toContainText('重要');
  await screenshot(page, 'customers-filtered-by-profile');

  await page.getByRole('link', { name }).click();
  const profile = page.locator('.ant-card').filter({ hasText: '客户档案' });
  await expect(profile).toContainText('喝茶、钓鱼');
  await expect(profile).toContainText('1975-06-01');
  await expect(profile).toContainText(tag);
  await expect(profile).toContainText('0571-8765 4321');
  await expect(page.getByRole('heading', { name })).toContainText('3 级 · 解决困难');
});

test('the relationship card: a rep logs a gift and a call, adds the boss and a birthday, and reads it all back with the history', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const name = `客户关系卡 ${runTag()}`;
  const customer = await east.createCustomer(name, { phone: '0571-8888 1234', priorityTier: 'priority', importance: 'key' });
  await east.put(`/api/v1/customers/${customer.id}`, {
    data: { name, kind: 'company', phone: '0571-8888 1234', priorityTier: 'priority', importance: 'key', stage: 'intent', hobbies: '下围棋' },
    headers: { 'If-Match': `"${customer.version}"` },
  });

  await logIn(page, 'rep.east');
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole('heading', { name })).toContainText('意向客户');
  await expect(page.getByText('从未').first()).toBeVisible();

  // A gift from the card: the timeline is where other modules' entries arrive too.
  await chooseOption(page, page.locator('#kind'), '送礼');
  await page.getByLabel('内容').fill('中秋送月饼两盒');
  await page.getByLabel('下一步', { exact: true }).fill('节后回访');
  await page.getByRole('button', { name: '记录互动' }).click();
  await expect(page.locator('.timeline-list')).toContainText('中秋送月饼两盒');
  await expect(page.locator('.timeline-list')).toContainText('下一步：节后回访');

  await page.getByLabel('内容').fill('电话确认下季度订单');
  await page.getByRole('button', { name: '记录互动' }).click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('电话需要记录是否接通');
  await chooseOption(page, page.locator('#outcome'), '已接通');
  await page.getByRole('button', { name: '记录互动' }).click();
  await expect(page.locator('.timeline-list .timeline-entry__item').first()).toContainText('电话确认下季度订单');
  // A reached call is contact: the cadence card no longer says "never".
  await expect(page.locator('.ant-card').filter({ hasText: '联系节奏' })).not.toContainText('上次联系从未');

  await page.getByRole('button', { name: '添加联系人' }).click();
  const contactDialog = page.getByRole('dialog');
  await contactDialog.getByLabel('姓名').fill('王建华');
  await contactDialog.getByLabel('喜好').fill('钓鱼、普洱茶');
  await contactDialog.getByLabel('弱点与备注').fill('不喜欢被催单');
  await contactDialog.getByRole('button', { name: '保存' }).click();
  const contacts = page.locator('.ant-card').filter({ hasText: '联系人' }).last();
  await expect(contacts).toContainText('王建华');
  await expect(contacts).toContainText('老板/决策者');
  // The contact gave the customer a new version (ADR 0026); the card read it again, so the profile still saves.
  await page.getByRole('button', { name: '编辑档案' }).click();
  await expect(page.getByText('编辑客户', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '添加重要日子' }).click();
  const dateDialog = page.getByRole('dialog');
  await chooseOption(page, dateDialog.getByLabel('月'), '6');
  await dateDialog.getByLabel('日').fill('18');
  await dateDialog.getByLabel('年份（可选）').fill('1972');
  await dateDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-card').filter({ hasText: '重要日子' }).last()).toContainText('6月18日（1972 年起）');
  await screenshot(page, 'customer-card');

  await page.getByRole('tab', { name: '变更记录' }).click();
  await expect(page.locator('.history-entry').first()).toContainText('张伟 修改了');
  await expect(page.locator('.history-entry').first()).toContainText('阶段：潜在客户 → 意向客户');
  await screenshot(page, 'customer-card-history');
});

test('key dates: a rep sees the birthdays coming up among the customers and the festivals ahead', async ({ page, apiAs }) => {
  const east = await apiAs('rep.east');
  const inThreeDays = new Date(Date.now() + 8 * 3_600_000 + 3 * 86_400_000);
  const birthday = `1980-${String(inThreeDays.getUTCMonth() + 1).padStart(2, '0')}-${String(inThreeDays.getUTCDate()).padStart(2, '0')}`;
  const name = `生日客户 ${runTag()}`;
  await east.createCustomer(name, { kind: 'person', birthday });

  await logIn(page, 'rep.east');
  await page.getByRole('button', { name: '重要日子' }).click();
  await expect(page.getByRole('heading', { name: '重要日子' })).toBeVisible();
  const row = page.locator('.upcoming-list .ant-list-item', { hasText: name });
  await expect(row).toContainText('3 天后');
  await expect(row).toContainText('本人 · 生日');
  await expect(page.getByText('节日', { exact: true })).toBeVisible();
  await page.getByText('30 天内').click();
  await expect(row).toBeVisible();
  await screenshot(page, 'customers-upcoming');
});
