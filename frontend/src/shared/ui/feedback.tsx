import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, useContext, type ReactNode } from 'react';

const MessageContext = createContext<MessageInstance | null>(null);

/**
 * Toasts ("saved", "created") that outlive the page that raised them, e.g. a create form that navigates
 * back to the list. Only antd's message is loaded, not the whole App (modal, notification) bundle.
 */
export function MessageProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext.Provider value={api}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (!api) {
    throw new Error('useMessage must be used inside <MessageProvider>.');
  }
  return api;
}
