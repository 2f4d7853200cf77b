import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../app/i18n';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// jsdom has no layout: Ant Design's popups (Popover, Select, List) watch sizes and media queries.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});
