/** The `complaints` namespace, registered in app/i18n/resources.ts. */
export { en } from './en';
export { zhCN } from './zh-CN';
