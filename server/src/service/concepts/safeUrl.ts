// Remote look-ups and downloads go over HTTPS only; plain HTTP is allowed to
// this machine alone, where the tests run their stand-in servers.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The parsed URL, or an Error saying why it may not be fetched. */
export function checkRemoteUrl(url: string): URL | Error {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return new Error(`not a URL: ${url}`);
  }
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u;
  return new Error(`only HTTPS addresses are fetched, not ${u.protocol}//${u.host}`);
}
