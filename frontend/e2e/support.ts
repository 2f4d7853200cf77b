import { test as base, expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const password = process.env.CRM_DEMO_PASSWORD ?? 'demo-Pass-2026';
export const screenshotDir = fileURLToPath(new URL('screenshots/', import.meta.url));

/** A short tag that makes the records one run creates unique, so runs never see each other's data. */
export function runTag(): string {
  return Date.now().toString(36).slice(-5) + Math.floor(Math.random() * 1296).toString(36);
}

/** A calendar day in China (YYYY-MM-DD), `offset` days from today: the days the API counts in. */
export function chinaDay(offset = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
}

export async function logIn(page: Page, userName: string): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '导航' })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The select a field (its input) belongs to: what shows the chosen option. */
function antSelect(field: Locator): Locator {
  return field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
}

/**
 * Types into a colleague picker and picks one option, after the server has answered for what was typed:
 * clicking while the answer arrives would hit a list that is being redrawn.
 */
export async function chooseColleague(page: Page, field: Locator, typed: string, option: string): Promise<void> {
  await field.click();
  await field.fill(typed);
  const picker = antSelect(field);
  await expect(picker.locator('.anticon-loading')).toHaveCount(0);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).click();
}

/**
 * Picks an option of a select (its input, which has an id) and checks that the select shows it: a click while the
 * list is still opening can land on nothing, and the form then goes on with the old value.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const id = await select.getAttribute('id');
  if (!id) {
    throw new Error('chooseOption needs the input of the select, which carries its id');
  }
  const picker = antSelect(select);
  const list = page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`[id="${id}_list"]`) });
  await expect(async () => {
    if ((await select.getAttribute('aria-expanded')) !== 'true') {
      await select.click();
    }
    await list.getByTitle(option, { exact: true }).click({ timeout: 2000 });
    await expect(picker).toContainText(option, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

export interface ApiCustomer {
  id: string;
  name: string;
  version: number;
  phone?: string;
}

/** A second, API-only session: another writer, or data set up faster than through the UI. */
export type ApiSession = APIRequestContext & { createCustomer(name: string, extra?: object): Promise<ApiCustomer> };

async function apiSession(userName: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL: process.env.CRM_E2E_BASE_URL ?? 'http://127.0.0.1:5080' });
  const login = await context.post('/api/v1/auth/login?useCookies=true', { data: { userName, password } });
  expect(login.status()).toBe(200);
  return Object.assign(context, {
    async createCustomer(name: string, extra: object = {}): Promise<ApiCustomer> {
      const response = await context.post('/api/v1/customers', {
        data: { name, kind: 'company', stage: 'prospect', company: name, region: '上海', ...extra },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as ApiCustomer;
    },
  });
}

/**
 * The journeys' test: `apiAs(userName)` opens an API session (another writer, or fast set-up), and
 * every session a test opened is closed after it, whether it passed or failed. Every page of every
 * journey is also watched for Content-Security-Policy violations: the app must work under its policy.
 */
export const test = base.extend<{ apiAs: (userName: string) => Promise<ApiSession>; cspViolations: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a fixture needs from this pattern
  apiAs: async ({}, provide) => {
    const opened: ApiSession[] = [];
    await provide(async (userName) => {
      const session = await apiSession(userName);
      opened.push(session);
      return session;
    });
    // Teardown: Playwright runs this after the test, whether it passed or failed.
    await Promise.all(opened.map((session) => session.dispose()));
  },
  cspViolations: [
    async ({ page }, provide) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) {
          violations.push(message.text());
        }
      });
      await provide(violations);
      expect(violations, 'the page broke its Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
});
