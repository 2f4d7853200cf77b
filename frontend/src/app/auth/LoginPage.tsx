import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { toProblem } from '../../api/problems';
import { useLogin, useSession } from './session';
import { problemMessage } from '../../shared/ui/problemMessage';
import { LanguageSwitch } from '../LanguageSwitch';
import { PageLoading } from '../../shared/ui/PageStates';

interface Credentials {
  userName: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.isPending) {
    return <PageLoading />;
  }
  if (session.data) {
    return <Navigate to={from} replace />;
  }

  const failure = login.error ? toProblem(login.error) : undefined;
  const failureText =
    failure?.status === 401 ? t('login.invalid') : failure?.status === 429 ? t('login.throttled') : login.error && problemMessage(login.error, t);

  return (
    <div className="login">
      <div className="login__language">
        <LanguageSwitch />
      </div>
      <Card className="login__card" variant="borderless">
        <div className="login__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {failureText && <Alert className="login__error" type="error" showIcon message={failureText} />}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)} disabled={login.isPending}>
          <Form.Item name="userName" label={t('login.userName')} rules={[{ required: true, message: t('login.userNameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
