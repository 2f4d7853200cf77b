import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaces, type NamespaceName } from './resources';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      entries.set(path, value);
    } else {
      for (const [childPath, childValue] of flatten(value, path)) entries.set(childPath, childValue);
    }
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const src = join(__dirname, '../..');
const names = Object.keys(namespaces) as NamespaceName[];
const chinese = new Map(names.map((ns) => [ns, flatten(namespaces[ns].zhCN)]));
const english = new Map(names.map((ns) => [ns, flatten(namespaces[ns].en)]));
const keysOf = (ns: string) => chinese.get(ns as NamespaceName) ?? new Map<string, string>();

describe.each(names)('the %s namespace', (ns) => {
  const zh = keysOf(ns);
  const en = english.get(ns) ?? new Map<string, string>();

  it('has exactly the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('leaves no text empty', () => {
    const empty = [...zh, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...zh].filter(([key, text]) => placeholders(text).join() !== placeholders(en.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
  });
});

describe('translations', () => {
  it('register one namespace for each feature that has texts, named after its folder', () => {
    const features = join(src, 'features');
    const withTexts = readdirSync(features).filter((name) => statSync(join(features, name, 'i18n'), { throwIfNoEntry: false })?.isDirectory());
    expect(names.filter((ns) => ns !== 'translation').sort()).toEqual(withTexts.sort());
  });

  it('define every literal key the app passes to t(), in the namespace its file uses or the app-wide one', () => {
    const missing: string[] = [];
    const mixed: string[] = [];
    let used = 0;
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      // A file speaks for one namespace, named in useTranslation('<namespace>'); app-wide keys are every one's fallback.
      const named = [...new Set([...text.matchAll(/\buseTranslation\(\s*'(\w+)'/g)].map((m) => m[1]))];
      if (named.length > 1) mixed.push(file);
      const ns = named[0] ?? 'translation';
      for (const [, key] of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        used++;
        // A plural key is defined by its forms (key_one, key_other): i18next picks one by the count.
        const defined = (namespace: string) => keysOf(namespace).has(key) || keysOf(namespace).has(`${key}_other`);
        if (!defined(ns) && !defined('translation')) missing.push(`${ns}:${key} (${file.slice(src.length + 1)})`);
      }
    }
    expect(used).toBeGreaterThan(50);
    expect(mixed).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('cover every value of the enums shown to users', () => {
    for (const stage of ['prospect', 'intent', 'customer', 'loyal']) expect(keysOf('customers').has(`stages.${stage}`)).toBe(true);
    for (const kind of ['person', 'company']) expect(keysOf('customers').has(`kinds.${kind}`)).toBe(true);
    for (const role of ['Rep', 'Manager', 'Director', 'Service', 'Admin']) expect(keysOf('translation').has(`app.roles.${role}`)).toBe(true);
  });
});
