import { describe, expect, it } from 'vitest';
import { planRebuild, sharedContentKey, sharedKey, type BuiltFrom } from '../../src/build/rebuild-plan.ts';

const page = (path: string, frontmatter: string, body: string) => ({ path, text: `---\n${frontmatter}\n---\n${body}` });
const pages = [page('runbooks/a.md', 'id: A-1', 'Restart it.'), page('runbooks/b.md', 'id: B-1', 'Scale it.')];
const trees = [{ path: 'trees/triage.yaml', bytes: Buffer.from('root: a') }];
const key = (p = pages, others = trees, toolchain = 'tools') => sharedContentKey(toolchain, p, others);

describe('what every page shares', () => {
  it('is the same when only a Markdown body changes, in any order of the files', () => {
    const edited = [page('runbooks/a.md', 'id: A-1', 'Restart it, then look at the events.'), pages[1]!];
    expect(key(edited)).toBe(key());
    expect(key([...pages].reverse())).toBe(key());
  });

  it('changes with a frontmatter, an MDX body, a page added, another content file, or the toolchain', () => {
    const base = key();
    expect(key([page('runbooks/a.md', 'id: A-1\nseverity: high', 'Restart it.'), pages[1]!])).not.toBe(base);
    expect(key([...pages, page('runbooks/c.md', 'id: C-1', 'New.')])).not.toBe(base);
    expect(key([pages[0]!])).not.toBe(base);
    const mdx = (body: string) => [...pages, page('runbooks/m.mdx', 'id: M-1', body)];
    expect(key(mdx('<Steps />'))).not.toBe(key(mdx('<Steps/> again')));
    expect(key(pages, [{ path: 'trees/triage.yaml', bytes: Buffer.from('root: b') }])).not.toBe(base);
    expect(key(pages, trees, 'other tools')).not.toBe(base);
  });

  it('changes with the version and the settings, not with their order', () => {
    const version = { version: '1.0.0', commit: 'abc1234', date: '2026-12-02' };
    const one = sharedKey('content', version, { BASE_PATH: '/', SITE_URL: undefined });
    expect(sharedKey('content', version, { SITE_URL: undefined, BASE_PATH: '/' })).toBe(one);
    expect(sharedKey('content', { ...version, commit: 'def5678' }, { BASE_PATH: '/' })).not.toBe(
      sharedKey('content', version, { BASE_PATH: '/' }),
    );
    expect(sharedKey('content', version, { BASE_PATH: '/docs/', SITE_URL: undefined })).not.toBe(one);
  });
});

describe('the plan of a rebuild', () => {
  const before: BuiltFrom = { build: 'b1', shared: 's', pages: { '/c/a.md': 'ka', '/c/b.md': 'kb' } };

  it('renders only the pages whose key changed when the shared inputs are the same', () => {
    expect(planRebuild(before, 'b1', { shared: 's', pages: { '/c/a.md': 'ka2', '/c/b.md': 'kb' } })).toEqual({
      whole: false,
      pages: ['/c/a.md'],
    });
    expect(planRebuild(before, 'b1', { shared: 's', pages: before.pages })).toEqual({ whole: false, pages: [] });
  });

  it('builds the whole site without a record, for another published build, or when shared inputs or pages differ', () => {
    const now = { shared: 's', pages: before.pages };
    expect(planRebuild(undefined, 'b1', now)).toMatchObject({ whole: true, reason: 'no earlier build' });
    expect(planRebuild(before, undefined, now)).toMatchObject({ whole: true });
    expect(planRebuild(before, 'b0', now)).toMatchObject({ whole: true, reason: /not the last build/ });
    expect(planRebuild(before, 'b1', { ...now, shared: 't' })).toMatchObject({ whole: true, reason: /changed/ });
    expect(planRebuild(before, 'b1', { shared: 's', pages: { '/c/a.md': 'ka' } })).toMatchObject({
      whole: true,
      reason: /added or removed/,
    });
    expect(planRebuild(before, 'b1', { shared: 's', pages: { '/c/a.md': 'ka', '/c/x.md': 'kb' } })).toMatchObject({
      whole: true,
    });
  });
});
