/**
 * The app-wide texts (the default `translation` namespace) in Simplified Chinese, the default language. Every key
 * here must exist in en.ts (the compiler and a test check). A feature's texts are its own namespace, in its i18n/.
 */
export const zhCN = {
  app: {
    name: '客情 CRM',
    tagline: '客户关系维护平台',
    language: '语言',
    logout: '退出登录',
    menu: '导航',
    roles: {
      Rep: '销售代表',
      Manager: '销售经理',
      Director: '销售总监',
      Service: '客服',
      Admin: '管理员',
    },
  },
  nav: {
    customers: '客户',
    deals: '商机',
    visits: '拜访',
    complaints: '投诉',
    retention: '客户维护',
    referrals: '转介绍',
    reports: '报表',
  },
  login: {
    title: '登录',
    subtitle: '使用公司账号登录',
    userName: '用户名',
    password: '密码',
    submit: '登录',
    userNameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    invalid: '用户名或密码不正确',
    throttled: '登录尝试次数过多，请稍候片刻再试（账号不会被锁定）',
  },
  common: {
    loading: '加载中…',
    retry: '重试',
    save: '保存',
    cancel: '取消',
    reload: '重新加载',
    errorTitle: '加载失败',
    networkError: '无法连接服务器，请检查网络后重试。',
    unexpectedError: '服务器出错了（{{status}}），请稍后重试。',
    forbidden: '您没有执行此操作的权限。',
    rateLimited: '操作太频繁，请稍后再试。',
    unavailable: '服务暂时不可用，请几秒后重试，已提交的数据不会丢失。',
    notFoundTitle: '页面不存在',
    notFoundBody: '您访问的页面不存在。',
    backHome: '返回首页',
    notAvailableTitle: '“{{module}}”模块尚未开放',
    notAvailableBody: '该模块正在建设中，暂时没有可用的功能和数据。',
    dash: '—',
  },
} as const;
