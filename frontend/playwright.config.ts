import { defineConfig } from '@playwright/test';

// Browser journeys against the real host and PostgreSQL that `./crm test` starts (CRM_E2E_BASE_URL).
// Browsers cannot be downloaded here: Debian's Chromium is driven instead.
export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.CRM_E2E_OUTPUT ?? 'e2e/.results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.CRM_E2E_REPORT ?? 'e2e/.results/report.json' }]],
  use: {
    baseURL: process.env.CRM_E2E_BASE_URL ?? 'http://127.0.0.1:5080',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CRM_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
