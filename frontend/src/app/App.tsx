import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiContext, createApi } from '../api/client';
import { MessageProvider } from '../shared/ui/feedback';
import { PageLoading } from '../shared/ui/PageStates';
import { createQueryClient } from './queryClient';
import { AppRoutes } from './router';

const theme = {
  token: {
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

export function App() {
  const { i18n } = useTranslation();
  const [api] = useState(createApi);
  const [queryClient] = useState(createQueryClient);

  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <MessageProvider>
        <ApiContext.Provider value={api}>
          <QueryClientProvider client={queryClient}>
            <Suspense fallback={<PageLoading />}>
              <AppRoutes />
            </Suspense>
          </QueryClientProvider>
        </ApiContext.Provider>
      </MessageProvider>
    </ConfigProvider>
  );
}
