import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/build/project.ts';
import { analyzeBlock, copyText, type AnalyzedBlock } from '../../src/commands/block.ts';
import { highlightShell, TOKEN_COLOURS, tokenClass, type TokenKind } from '../../src/commands/highlight.ts';
import { loadCommandReader, type CommandReader } from '../../src/commands/reader.ts';

let reader: CommandReader;
beforeAll(async () => {
  reader = await loadCommandReader();
});

const analyze = (code: string, lang = 'bash') => analyzeBlock(code, lang, reader);
const commands = (block: AnalyzedBlock) =>
  block.parts.filter((p) => p.kind === 'command').map((p) => copyText(block, p));

describe('splitting a block into commands', () => {
  it('gives each command its own entry and keeps comment lines out of them', () => {
    const block = analyze(
      '# Check pod status\nkubectl get pods -n production\n\n# Logs\nkubectl logs x -n production --tail=100\n',
    );
    expect(commands(block)).toEqual(['kubectl get pods -n production', 'kubectl logs x -n production --tail=100']);
    expect(block.parts.map((p) => p.kind)).toEqual(['comment', 'command', 'comment', 'command']);
  });

  it('keeps a multi-line JSON patch, a heredoc, a continuation and a loop whole', () => {
    const patch = 'kubectl patch deployment shepherd -n production -p \'{\n  "spec": {"replicas": 2}\n}\'';
    const heredoc = 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF';
    const continued = 'kubectl create secret generic s \\\n  --from-literal=a=b \\\n  -n ns';
    const loop = 'for d in a b; do\n  echo "$d"\ndone';
    expect(commands(analyze([patch, heredoc, continued, loop].join('\n\n')))).toEqual([
      patch,
      heredoc,
      continued,
      loop,
    ]);
  });

  it('copies statements sharing a line together, without the comment after them', () => {
    const block = analyze('systemctl status containerd   # or docker\nkubectl get ns && kubectl get pods');
    expect(commands(block)).toEqual(['systemctl status containerd', 'kubectl get ns && kubectl get pods']);
  });

  it('drops indentation and trailing whitespace from what is copied', () => {
    expect(commands(analyze('   top\n   free -h   \n'))).toEqual(['top', 'free -h']);
  });

  it('copies only the commands of a console transcript, without the prompt', () => {
    const block = analyze(
      '$ kubectl describe pod redis-1 -n prod | grep Image:\nImage: redis:7.2\n$ echo done',
      'console',
    );
    expect(block.parts.map((p) => p.kind)).toEqual(['command', 'output', 'command']);
    expect(commands(block)).toEqual(['kubectl describe pod redis-1 -n prod | grep Image:', 'echo done']);
  });

  it('reads a shell block with $ prompts as a transcript: prompted lines are commands, the lines after them output', () => {
    const block = analyze(
      '$ kubectl get pods -n prod\nNAME    READY\napi-1   1/1\n$ kubectl describe pod api-1',
      'shell',
    );
    expect(block.parts.map((p) => p.kind)).toEqual(['command', 'output', 'command']);
    expect(commands(block)).toEqual(['kubectl get pods -n prod', 'kubectl describe pod api-1']);
  });

  it('takes # , > and % as prompts before kubectl commands only, so comments stay comments', () => {
    const block = analyze(
      '# List the pods\nkubectl get pods\n# kubectl get nodes\n> kubectl top pods\n% kubectl version',
      'bash',
    );
    expect(block.parts.map((p) => p.kind)).toEqual(['comment', 'command', 'command', 'command', 'command']);
    expect(commands(block)).toEqual(['kubectl get pods', 'kubectl get nodes', 'kubectl top pods', 'kubectl version']);
  });

  it('follows a prompted command over continuation prompts, heredocs, backslashes and open quotes', () => {
    const typed = analyze(
      '$ kubectl apply -f - <<EOF\n> apiVersion: v1\n> kind: Namespace\n> EOF\nnamespace/x created',
      'console',
    );
    expect(commands(typed)).toEqual(['kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nEOF']);
    expect(typed.parts.map((p) => p.kind)).toEqual(['command', 'output']);
    const pasted = analyze(
      '$ cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF\npod/x created\n$ kubectl patch deploy a -p \'{\n  "spec": {}\n}\'\n$ kubectl get pods \\\n    -o wide\nNAME',
      'console',
    );
    expect(commands(pasted)).toEqual([
      'cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF',
      'kubectl patch deploy a -p \'{\n  "spec": {}\n}\'',
      'kubectl get pods \\\n    -o wide',
    ]);
  });

  it('reads a console block without prompts as shell, and knows root and user@host prompts', () => {
    expect(commands(analyze('kubectl get pods\nkubectl get nodes', 'console'))).toEqual([
      'kubectl get pods',
      'kubectl get nodes',
    ]);
    const block = analyze(
      'user@host:~$ kubectl get ns\nNAME\n[root@node-1 ~]# systemctl restart kubelet\n# kubectl get pods',
      'console',
    );
    expect(commands(block)).toEqual(['kubectl get ns', 'systemctl restart kubelet', 'kubectl get pods']);
  });

  it('reads the kubectl lines of a fence without a language as commands and the rest as output', () => {
    const block = analyze(
      'kubectl get pods\nNAME   READY\nsudo kubectl get nodes \\\n  -o wide\nbrew install kubectl',
      '',
    );
    expect(block.parts.map((p) => p.kind)).toEqual(['command', 'output', 'command', 'output']);
    expect(commands(block)).toEqual(['kubectl get pods', 'sudo kubectl get nodes \\\n  -o wide']);
  });

  it('puts smart quotes and dashes back to plain ASCII before anything is shown or copied', () => {
    expect(commands(analyze('kubectl logs x –previous | grep “error”'))).toEqual([
      'kubectl logs x --previous | grep "error"',
    ]);
  });
});

describe('placeholders', () => {
  it('finds <angled> ones anywhere and maps spellings to one variable', () => {
    const block = analyze(
      'kubectl describe pod <pod-name> -n <namespace>\ngit commit -m "sync <resource> with ACR"\nkubectl get pods POD_NAME',
    );
    expect(block.placeholders.map((p) => `${p.text}=${p.key}`)).toEqual([
      '<pod-name>=pod',
      '<namespace>=namespace',
      '<resource>=resource',
      'POD_NAME=pod',
    ]);
  });

  it('finds ALL_CAPS ones in unquoted words, inside URLs too', () => {
    const block = analyze(
      'kubectl describe node NODE_NAME\ncurl -v http://POD_IP:PORT\nkubectl get svc SVC_NAME -n NAMESPACE',
    );
    expect(block.placeholders.map((p) => `${p.text}=${p.key}`)).toEqual([
      'NODE_NAME=node',
      'POD_IP=pod-ip',
      'PORT=port',
      'SVC_NAME=service',
      'NAMESPACE=namespace',
    ]);
  });

  it('leaves shell variables, assignments, quoted text, heredoc markers and literal words alone', () => {
    const code = [
      'kubectl create secret docker-registry r --docker-password=$GITHUB_TOKEN --docker-email=${GITHUB_EMAIL}',
      'ETCDCTL_API=3 etcdctl endpoint health',
      'kubectl set env deployment/shepherd MONGODB_MAX_POOL_SIZE=50 -n production',
      'psql $DATABASE_URL -c "SELECT id FROM api_keys LIMIT 10;"',
      'curl -X POST http://api/task',
      'helm history shepherd | grep DEPLOYED',
      'cat <<EOF\nkind: X\nEOF',
    ].join('\n');
    expect(analyze(code).placeholders).toEqual([]);
  });
});

describe('safety classes', () => {
  const safety = (code: string) => analyze(code).parts.find((p) => p.kind === 'command')?.safety?.safety;

  it.each([
    'kubectl get pods -n production -o wide',
    'kubectl -n rdev logs -l app=rdev-api --previous',
    'kubectl describe pod x | grep -A 10 Events',
    'kubectl rollout status deployment/api -n app-workload',
    'kubectl top pods -A',
    'kubectl exec x -n production -- nslookup kubernetes.default',
    'kubectl port-forward svc/backend 8000:8000 -n prod',
    'kubectl get --raw /readyz',
    'sudo iptables -L -n -v',
    'journalctl -u kubelet -e --no-pager | tail -n 200',
    'systemctl status kubelet',
    'sudo crictl ps || sudo docker ps',
    'watch kubectl get pods',
    'helm history shepherd -n production',
    'curl -k https://127.0.0.1:6443/healthz',
    'psql $DATABASE_URL -c "SELECT id FROM api_keys;"',
    'env',
  ])('%s is read-only', (code) => {
    expect(safety(code)).toBe('read-only');
  });

  it.each([
    'kubectl apply -k overlays/prod/',
    'kubectl rollout restart deployment/backend -n klinematrix-prod',
    "kubectl patch svc x -p '{}'",
    'kubectl scale deployment shepherd --replicas=5 -n production',
    'kubectl edit deploy backend -n klinematrix-prod',
    'kubectl exec -it deployment/rdev-api -- sh',
    'sudo systemctl restart kubelet',
    'helm upgrade nginx-ingress ingress-nginx/ingress-nginx --namespace ingress-nginx',
    'docker push registry/x:1',
    'curl -X POST http://api/task -d \'{"a":1}\'',
    'some-unknown-tool --flag',
  ])('%s changes things', (code) => {
    expect(safety(code)).toBe('changes');
  });

  it.each([
    ['kubectl delete pod <pod-name> -n <namespace>', 'kubectl delete'],
    ['kubectl drain NODE_NAME --ignore-daemonsets', 'kubectl drain'],
    ['kubectl rollout undo deployment/api -n app-workload', 'rollout undo'],
    ['kubectl scale deployment frontend --replicas=0 -n klinematrix-prod', 'zero'],
    ['kubectl -n rdev scale deployment/rdev-api --replicas 0', 'zero'],
    ['kubectl replace --force -f x.yaml', 'replace --force'],
    ['helm uninstall shepherd -n production', 'helm uninstall'],
    ['sudo iptables -F', 'iptables -F'],
    ['rm -rf /var/lib/x', 'rm'],
    ['kubectl exec x -n production -- find /var/log -name "*.log" -mtime +7 -delete', 'find -delete'],
    ['kubectl exec x -- sh -c "ls; rm -rf /tmp/x"', 'rm'],
    ['kubectl get pods -o name | xargs kubectl delete', 'kubectl delete'],
    ['./scripts/rollback.sh --namespace production --force', 'rollback'],
    ['env KUBECONFIG=/tmp/prod kubectl delete pod x', 'kubectl delete'],
  ])('%s is destructive', (code, reason) => {
    const part = analyze(code).parts.find((p) => p.kind === 'command');
    expect(part?.safety?.safety).toBe('destructive');
    expect(part?.safety?.reasons.join(' ')).toContain(reason);
  });

  it('takes the most severe class of a pipeline or list', () => {
    expect(safety('kubectl get pods && kubectl delete pod x')).toBe('destructive');
  });

  // kubectl reads its global flags anywhere, before the verb too; a flag's value must never be taken
  // for the verb (nor the verb for a flag's value), or `delete` hides behind `--v 6`.
  it.each([
    'kubectl --v 6 delete pod web-1',
    'kubectl -v 6 delete pod web-1',
    'kubectl --as-group admins delete namespace prod',
    'kubectl --as admin --as-group system:masters delete ns prod',
    'kubectl --profile cpu delete pod x',
    'kubectl --context prod-eu delete pod x',
    'kubectl -n prod delete pod x',
    'kubectl delete -n prod pod x',
    'kubectl delete pod x -n prod',
    'kubectl -nprod delete pod x',
    'kubectl --namespace=prod --v=9 drain node-1 --ignore-daemonsets',
    'kubectl --request-timeout 5s -n prod rollout undo deploy/api',
    'kubectl --kubeconfig /tmp/k -n prod scale deploy/api --replicas 0',
    'kubectl --insecure-skip-tls-verify delete pod x',
    'kubectl --bogus-flag delete pod x',
    'sudo -u root kubectl --v 6 delete pod x',
    'watch -d kubectl delete pod x',
    'timeout 30s kubectl delete pod x',
    'nice -n 10 kubectl delete pod x',
  ])('%s is destructive: global flags before the verb do not hide it', (code) => {
    expect(safety(code)).toBe('destructive');
  });

  it.each([
    'kubectl --v 6 get pods',
    'kubectl -n prod --context x get pods -o wide',
    'kubectl --as-group admins get namespace prod',
    'kubectl --profile cpu describe pod x',
    'kubectl --namespace delete get pods',
  ])('%s is read-only: a flag value that looks like a verb is a value', (code) => {
    expect(safety(code)).toBe('read-only');
  });

  it.each([
    ['sudo install -o root -g root -m 0755 kubectl /usr/local/bin/kubectl', 'install'],
    ['command -v kubectl', undefined],
  ])('%s: kubectl as an argument is not the command', (code, reason) => {
    const part = analyze(code).parts.find((p) => p.kind === 'command');
    if (reason) expect(part?.safety?.reasons.join(' ')).toContain(reason);
    else expect(part?.safety?.safety).toBe('read-only');
  });
});

describe('the rendered command block', () => {
  it.each(['kubectl --v 6 delete pod web-1', 'kubectl --as-group admins delete namespace prod'])(
    'marks %s destructive, so the page asks for a confirming second click',
    async (code) => {
      const { buildCommandBlock } = await import('../../src/commands/render.ts');
      const { toHtml } = await import('hast-util-to-html');
      const html = toHtml((await buildCommandBlock(code, 'bash')).element);
      expect(html).toContain('data-safety="destructive"');
      expect(html).toContain('1 destructive command');
    },
  );
});

describe('placeholders with defaults and whole words in the rendered block', () => {
  type Node = import('hast').ElementContent;
  const textOf = (node: Node): string =>
    node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
  const find = (node: Node, test: (e: import('hast').Element) => boolean): import('hast').Element[] =>
    node.type !== 'element' ? [] : [...(test(node) ? [node] : []), ...node.children.flatMap((c) => find(c, test))];
  const hasClass = (name: string) => (e: import('hast').Element) =>
    Array.isArray(e.properties['className']) && e.properties['className'].includes(name);
  const render = async (code: string) => {
    const { buildCommandBlock } = await import('../../src/commands/render.ts');
    return (await buildCommandBlock(code, 'bash')).element;
  };

  it('shows the default of <namespace=klinematrix-prod>, marked as a default, so the command reads as the guide wrote it', async () => {
    const block = await render(
      'kubectl scale deployment/<deployment=api> --replicas=0 -n <namespace=klinematrix-prod>',
    );
    const [code] = find(block, (e) => e.tagName === 'code');
    expect(textOf(code!)).toBe('kubectl scale deployment/api --replicas=0 -n klinematrix-prod');
    const [namespace] = find(block, (e) => e.properties['dataVar'] === 'namespace');
    expect(namespace!.properties).toMatchObject({
      // Coloured as the argument it stands for.
      className: ['ph', 'is-default', 'tok-argument'],
      dataPlaceholder: '<namespace>',
      dataDefault: 'klinematrix-prod',
      title: 'Default from the guide: fill <namespace> to change it',
    });
  });

  it('keeps a placeholder without a default as written and unmarked', async () => {
    const [pod] = find(await render('kubectl logs <pod-name>'), hasClass('ph'));
    expect(textOf(pod!)).toBe('<pod-name>');
    expect(pod!.properties['dataDefault']).toBeUndefined();
    expect(pod!.properties['className']).toEqual(['ph', 'tok-argument']);
  });

  it('puts every word a browser could break (at - / = and the like) in a .w that never wraps, and leaves the text alone', async () => {
    const code =
      'kubectl apply -f deployment.yaml --dry-run=server # then apply\nkubectl get pods -n <namespace=prod> -o wide';
    const block = await render(code);
    const codes = find(block, (e) => e.tagName === 'code').map(textOf);
    expect(codes.join('\n')).toBe(code.replace('<namespace=prod>', 'prod'));
    const words = find(block, hasClass('w')).map(textOf);
    expect(words).toEqual(['-f', '--dry-run=server', '#', '-n', 'prod', '-o']);
    // Nothing inside a word may be a space, so the only wrap points are between words.
    expect(words.every((w) => !/\s/.test(w))).toBe(true);
  });
});

describe('where a placeholder is written', () => {
  it.each([
    ['kubectl logs <pod-name>', 'unquoted'],
    ['kubectl get deploy/<deployment-name> -o yaml', 'unquoted'],
    ['kubectl patch deploy x -p \'{"metadata":{"name":"<name>"}}\'', 'single'],
    ['kubectl exec x -- sh -c "ls <path>"', 'double'],
    ['kubectl apply -f - <<EOF\nmetadata:\n  namespace: <namespace>\nEOF', 'heredoc'],
    ["cat <<'EOF'\n<value>\nEOF", 'heredoc-quoted'],
  ])('%s: %s', (code, quote) => {
    expect(analyze(code).placeholders.find((p) => p.text.startsWith('<'))?.quote).toBe(quote);
  });
});

describe('highlighting', () => {
  const colours = (code: string) => {
    const tokens = highlightShell(code, reader.parser);
    const kind = (word: string) => {
      const at = code.indexOf(word);
      return tokens.find((t) => t.start <= at && t.end > at)?.kind;
    };
    return kind;
  };

  it('colours commands, arguments, flags, operators and comments from the parse', () => {
    const kind = colours('kubectl get pods -n prod | grep "Image: $X" # why');
    expect(kind('kubectl')).toBe(kind('grep'));
    expect(kind('get')).toBe(kind('pods'));
    expect(kind('-n')).not.toBe(kind('get'));
    expect(kind('|')).not.toBe(kind('kubectl'));
    expect(kind('"Image')).toBe(kind('get'));
    expect(kind('$X')).not.toBe(kind('"Image'));
    expect(kind('# why')).not.toBe(kind('get'));
    expect(new Set([kind('kubectl'), kind('get'), kind('-n'), kind('|'), kind('# why')]).size).toBe(5);
  });

  it('has, for every kind of token, the colours of TOKEN_COLOURS in site.css', async () => {
    const css = await readFile(path.join(projectRoot, 'src/styles/site.css'), 'utf8');
    for (const [kind, [light, dark]] of Object.entries(TOKEN_COLOURS)) {
      const name = tokenClass(kind as TokenKind);
      if (!name) continue;
      const rule = new RegExp(`\\.${name} \\{\\s*--shiki-light: ([^;]+);\\s*--shiki-dark: ([^;]+);`).exec(css);
      expect(rule, name).not.toBeNull();
      expect([rule![1]!.toLowerCase(), rule![2]!.toLowerCase()], name).toEqual([
        light.toLowerCase(),
        dark.toLowerCase(),
      ]);
    }
  });

  it('covers every character once, in order, whatever the code', () => {
    const code = 'for d in a b; do\n  echo "$d" > out; done <<EOF\nbody\nEOF';
    const tokens = highlightShell(code, reader.parser);
    expect(tokens.map((t) => code.slice(t.start, t.end)).join('')).toBe(code);
  });
});

describe('command blocks kept once per distinct block (src/commands/memo.ts)', () => {
  it('gives the HTML of a fresh render, with each use numbered from its own first step', async () => {
    const { buildCommandBlock, commandBlockHtml } = await import('../../src/commands/render.ts');
    const { toHtml } = await import('hast-util-to-html');
    const blocks = [
      'kubectl get pods -n <namespace=prod>\nkubectl delete pod <pod-name> -n <namespace=prod>',
      '$ kubectl logs <pod> --previous\nerror: container not found',
      'for p in $(kubectl get pods -o name); do\n  kubectl describe "$p"\ndone',
    ];
    for (const code of blocks)
      for (const first of [0, 7, undefined]) {
        const fresh = toHtml((await buildCommandBlock(code, 'bash', first)).element);
        // Twice: the second comes from the memo.
        expect((await commandBlockHtml(code, 'bash', first)).html, `${code} @${first}`).toBe(fresh);
        expect((await commandBlockHtml(code, 'bash', first)).html, `${code} @${first}`).toBe(fresh);
      }
  });

  it('keeps at most its limit, dropping the oldest first', async () => {
    const { BoundedMemo } = await import('../../src/commands/memo.ts');
    const memo = new BoundedMemo<string, number>(2);
    let made = 0;
    const get = (key: string) => memo.get(key, () => ++made);
    expect([get('a'), get('b'), get('a')]).toEqual([1, 2, 1]);
    get('c'); // drops "a"
    expect(memo.size).toBe(2);
    expect([get('b'), get('a')]).toEqual([2, 4]);
  });
});
