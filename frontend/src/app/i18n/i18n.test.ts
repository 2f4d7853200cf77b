import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

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

const chinese = flatten(zhCN);
const english = flatten(en);

describe('translations', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect([...english.keys()].sort()).toEqual([...chinese.keys()].sort());
  });

  it('leave no text empty', () => {
    const empty = [...chinese, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...chinese].filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it('define every literal key the app passes to t()', () => {
    const root = join(__dirname, '../..');
    const used = sourceFiles(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !chinese.has(key))).toEqual([]);
  });

  it('cover every value of the enums shown to users', () => {
    for (const stage of ['prospect', 'intent', 'customer', 'loyal']) expect(chinese.has(`customers.stages.${stage}`)).toBe(true);
    for (const kind of ['person', 'company']) expect(chinese.has(`customers.kinds.${kind}`)).toBe(true);
    for (const role of ['Rep', 'Manager', 'Director', 'Service', 'Admin']) expect(chinese.has(`app.roles.${role}`)).toBe(true);
  });
});
