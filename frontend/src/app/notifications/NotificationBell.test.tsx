import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { changeLanguage } from '../i18n';
import { NotificationBell } from './NotificationBell';

const birthday = {
  id: 'n1',
  topic: 'customers.keyDateToday',
  data: { customerName: '孙总', kind: 'birthday', years: '63' },
  link: '/customers/c1',
  createdAt: '2033-05-20T00:00:00Z',
};

describe('NotificationBell', () => {
  beforeAll(async () => {
    await changeLanguage('zh-CN');
  });

  it('shows the unread count, lists the latest in words, and opening one marks it read and follows its link', async () => {
    const { sent, wrapper: Providers } = fakeServer((request) =>
      request.url.endsWith('/unread-count')
        ? { status: 200, body: { count: 2 } }
        : request.method === 'POST'
          ? { status: 204 }
          : { status: 200, body: { items: [birthday, { id: 'n2', topic: 'later.topic', data: {}, createdAt: '2033-05-19T00:00:00Z', readAt: '2033-05-19T01:00:00Z' }] } },
    );
    render(
      <Providers>
        <MemoryRouter initialEntries={['/customers']}>
          <Routes>
            <Route path="/customers" element={<NotificationBell />} />
            <Route path="/customers/c1" element={<p>客户关系卡</p>} />
          </Routes>
        </MemoryRouter>
      </Providers>,
    );

    const bell = await screen.findByRole('button', { name: '通知 (2)' });
    fireEvent.click(bell);
    expect(await screen.findByText('今天是 孙总 的 63 岁生日')).toBeTruthy();
    expect(screen.getByText('新通知')).toBeTruthy();

    fireEvent.click(screen.getByText('今天是 孙总 的 63 岁生日'));
    expect(await screen.findByText('客户关系卡')).toBeTruthy();
    await waitFor(() => expect(sent.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/me/notifications/n1/read'))).toBe(true));
  });
});
