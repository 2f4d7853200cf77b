import { describe, expect, it } from 'vitest';
import i18n from '../../app/i18n';
import { CrmApiException } from '../../api/generated/platform-client';
import { problemMessage } from './problemMessage';

describe('problemMessage', () => {
  it('tells an outage (503) from a bug (500), in the user language', async () => {
    await i18n.changeLanguage('zh-CN');
    const outage = { status: 503, code: 'service_unavailable' };
    const bug = new CrmApiException('Server error', 500, '{}', {}, null);

    expect(problemMessage(outage, i18n.t)).toBe('服务暂时不可用，请几秒后重试，已提交的数据不会丢失。');
    expect(problemMessage(bug, i18n.t)).toBe('服务器出错了（500），请稍后重试。');
  });
});
