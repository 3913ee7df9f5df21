// The name a message or a picker shows for a document: the last segment of its
// URI, decoded (kept as written when its escapes are broken).

export function nameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
  } catch {
    return path.slice(path.lastIndexOf('/') + 1) || uri;
  }
}
