import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/server/static-files';

const root = resolve('/srv/loket/renderer');

describe('mapping a request path to a renderer file', () => {
  it('serves files inside the folder, and index.html for app routes', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/survey?x=1')).toBe(join(root, 'index.html'));
  });

  it.each([
    ['a parent folder', '/../secret.txt'],
    ['an encoded parent folder', '/%2e%2e/%2e%2e/etc/hosts.txt'],
    ['a backslash', '/assets\\..\\..\\x.js'],
    ['a NUL byte', '/index.html%00.png'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an alternate data stream', '/index.html:secret'],
    ['malformed percent-encoding', '/%E0%A4%A.js'],
  ])('refuses %s', (_label, path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});
