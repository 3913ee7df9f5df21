// The two extension hosts the suite runs its checks in. VS Code runs the
// extension's `main` in the Node extension host (desktop, remote, here
// code-server's); with the user setting `remote.extensionKind` set to `web`
// for it, code-server runs its `browser` entry in the web-worker extension
// host instead, as vscode.dev and github.dev do. Every check's name says
// which host it ran in.

/** `publisher.name` of the manifest, as remote.extensionKind keys it. */
export function hostsFor(manifest) {
  const id = `${manifest.publisher}.${manifest.name}`;
  return [
    { id: 'node', label: 'Node host', hello: 'PubTator language server ready (Node).', settings: {} },
    { id: 'web', label: 'web worker host', hello: 'PubTator language server ready (web worker).', settings: { 'remote.extensionKind': { [id]: ['web'] } } },
  ];
}

/** The report, with each check's name prefixed by the host it runs in. */
export function hostReport(report, host) {
  const tag = (name) => `[${host.label}] ${name}`;
  return {
    check: (name, fn) => report.check(tag(name), fn),
    skip: (name, reason) => report.skip(tag(name), reason),
    fail: (name, message) => report.fail(tag(name), message),
    time: (what, fn) => report.time(tag(what), fn),
  };
}
