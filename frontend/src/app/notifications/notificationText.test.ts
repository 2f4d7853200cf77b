import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage } from '../i18n';
import { notificationText } from './notificationText';

const keyDate = (data: Record<string, string>) => ({ topic: 'customers.keyDateToday', data: { customerName: '孙总', ...data } });

describe('notificationText', () => {
  beforeAll(async () => {
    await changeLanguage('zh-CN');
  });

  it('words a key date by what it is: a birthday, a contact’s birthday, an anniversary, a named day', () => {
    const t = i18n.t.bind(i18n);
    expect(notificationText(keyDate({ kind: 'birthday', years: '63' }), t)).toBe('今天是 孙总 的 63 岁生日');
    expect(notificationText(keyDate({ kind: 'birthday' }), t)).toBe('今天是 孙总 的生日');
    expect(notificationText(keyDate({ kind: 'birthday', contactName: '孙太太' }), t)).toBe('今天是 孙总 · 孙太太 的生日');
    expect(notificationText(keyDate({ kind: 'companyAnniversary', years: '10' }), t)).toBe('今天是 孙总 成立 10 周年');
    expect(notificationText(keyDate({ kind: 'custom', label: '开业纪念日' }), t)).toBe('今天是 孙总 的开业纪念日');
  });

  it('words the pool’s warning and return', () => {
    const t = i18n.t.bind(i18n);
    expect(notificationText({ topic: 'customers.poolWarning', data: { customerName: '孙总', poolDate: '2027-03-01' } }, t)).toBe('孙总 长期未跟进，将于 2027-03-01 退回公海');
    expect(notificationText({ topic: 'customers.returnedToPool', data: { customerName: '孙总' } }, t)).toBe('孙总 已退回公海');
  });

  it('words the visits’ reminder, a serious market report and a submitted week', () => {
    const t = i18n.t.bind(i18n);
    expect(notificationText({ topic: 'visits.confirmTomorrow', data: { date: '2031-03-04', count: '3' } }, t)).toBe('2031-03-04 有 3 个拜访待与客户确认（约访）');
    expect(notificationText({ topic: 'visits.weeklySubmitted', data: { teamName: 'East', weekStart: '2026-11-30' } }, t)).toBe('East 提交了 2026-11-30 那一周的周进度报告');
    expect(notificationText({ topic: 'visits.seriousMarketReport', data: { repName: '张伟', summary: '竞品买十送三' } }, t)).toBe('张伟 反映重要市场情况：竞品买十送三');
  });

  it('words the complaint SLA’s warning, breach and escalation', () => {
    const t = i18n.t.bind(i18n);
    const complaint = (topic: string) => ({ topic: `complaints.${topic}`, data: { customerName: '华联超市', title: '包装破损', promisedAt: '2030-03-06T02:00:00Z' } });
    expect(notificationText(complaint('nearPromise'), t)).toBe('华联超市 的投诉临近承诺时间：包装破损');
    expect(notificationText(complaint('breached'), t)).toBe('华联超市 的投诉已超过承诺时间：包装破损');
    expect(notificationText(complaint('escalated'), t)).toBe('华联超市 的投诉超时已久仍未解决：包装破损');
  });

  it('still shows a notification whose topic this version does not know', () => {
    expect(notificationText({ topic: 'deals.somethingNew', data: {} }, i18n.t.bind(i18n))).toBe('新通知');
  });

  it('speaks English too', async () => {
    await changeLanguage('en');
    expect(notificationText(keyDate({ kind: 'birthday', years: '63' }), i18n.t.bind(i18n))).toBe('孙总 turns 63 today');
    await changeLanguage('zh-CN');
  });
});
