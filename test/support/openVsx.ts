// What Open VSX checks before it accepts a .vsix, as far as it can be checked offline, written
// from the sources (the registry cannot be reached from here):
// - the `ovsx` CLI 1.4.0 (npm package, src/util.ts validateManifest, src/check-license.ts,
//   src/zip.ts readVSIXPackage): publisher, name and version present; a license field or a
//   LICENSE file; extension/package.json inside the package;
// - the registry server, eclipse/openvsx at 9cf4058 (2026-03-20): ExtensionProcessor.java reads
//   the values from extension.vsixmanifest and package.json, PublishExtensionVersionHandler.java
//   requires a license and runs ExtensionValidator.java (names, semantic version, target
//   platform, characters and lengths of every text field, URLs, markdown, gallery banner, qna).
// Not checkable here: that the namespace exists and the token may publish to it, whether the
// version is already published, the known-malicious list, the namespace's size limit, that
// extension dependencies resolve on the registry, and the registry's secret scanning.

/** extension.vsixmanifest as @vscode/vsce's readVSIXPackage parses it (xml2js). */
export interface XmlManifest {
  PackageManifest: {
    Metadata: Array<{
      Identity: Array<{ $: { Id: string; Version: string; Publisher: string; TargetPlatform?: string } }>;
      DisplayName?: string[];
      Description?: Array<{ _: string } | string>;
      Tags?: string[];
      Categories?: string[];
      License?: string[];
      Icon?: string[];
      Properties?: Array<{ Property: Array<{ $: { Id: string; Value: string } }> }>;
    }>;
    Assets: Array<{ Asset: Array<{ $: { Type: string; Path: string } }> }>;
  };
}

export interface PackageToCheck {
  manifest: Record<string, unknown>;
  xmlManifest: XmlManifest;
  /** Every entry of the .vsix, as stored (e.g. `extension/package.json`). */
  entries: string[];
}

const NAME = /^[\w\-+$~]+$/;
const DEFAULT_SIZE = 255;
const DESCRIPTION_SIZE = 2048;
const GALLERY_COLOR_SIZE = 16;
/** Character.getType CONTROL, FORMAT, UNASSIGNED, PRIVATE_USE, LINE_ and PARAGRAPH_SEPARATOR. */
const BAD_CHARACTER = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
const RESERVED_VERSIONS = ['latest', 'pre-release', 'reviews'];
const TARGET_PLATFORMS = ['win32-x64', 'win32-ia32', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linux-armhf', 'alpine-x64', 'alpine-arm64', 'darwin-x64', 'darwin-arm64', 'web', 'universal'];
/** The protocols java.net.URL knows without extra handlers. */
const JAVA_URL_PROTOCOLS = ['http:', 'https:', 'ftp:', 'file:', 'jar:', 'mailto:'];
/** SemanticVersion.parse's pattern (semver 2.0). */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const LICENSE_FILES = ['license.md', 'license', 'license.txt', 'licence.md', 'licence', 'licence.txt'];

/** ExtensionValidator.isInvalidURL. */
function invalidUrl(value: string): boolean {
  const url = value.startsWith('git+') && value.length > 4 ? value.slice(4) : value;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!JAVA_URL_PROTOCOLS.includes(parsed.protocol)) return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === '';
}

/** Every reason Open VSX would refuse the package; empty when it would accept it. */
export function openVsxIssues({ manifest, xmlManifest, entries }: PackageToCheck): string[] {
  const issues: string[] = [];
  const metadata = xmlManifest.PackageManifest.Metadata[0];
  const identity = metadata.Identity[0].$;
  const property = (id: string): string | undefined => metadata.Properties?.[0].Property.find((p) => p.$.Id === id)?.$.Value || undefined;
  const asset = (type: string): string | undefined => xmlManifest.PackageManifest.Assets[0].Asset.find((a) => a.$.Type === type)?.$.Path;
  const has = (entry: string): boolean => entries.includes(entry);
  const characters = (field: string, value: string | undefined, allowed: string[] = []): void => {
    const bad = value === undefined ? null : [...value].find((c) => !allowed.includes(c) && BAD_CHARACTER.test(c));
    if (bad) issues.push(`Invalid character found in field '${field}': U+${bad.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  };
  const size = (field: string, value: string | undefined, limit = DEFAULT_SIZE): void => {
    if (value !== undefined && value.length > limit) issues.push(`The field '${field}' exceeds the current limit of ${limit} characters.`);
  };
  const url = (field: string, value: string | undefined): void => {
    if (value && invalidUrl(value)) issues.push(`Invalid URL in field '${field}': ${value}`);
    size(field, value);
  };
  const oneOf = (field: string, value: string | undefined, allowed: string[], orUrl = false): void => {
    if (value && !allowed.includes(value) && !(orUrl && !invalidUrl(value))) issues.push(`Invalid value in field '${field}': ${value}`);
  };

  // ovsx, before contacting the registry.
  for (const field of ['publisher', 'name', 'version']) {
    if (!manifest[field]) issues.push(`Missing required field '${field}'.`);
  }
  if (!has('extension/package.json')) issues.push('Manifest not found.');
  if (!manifest.license && !entries.some((e) => LICENSE_FILES.includes(e.replace(/^extension\//, '').toLowerCase()))) {
    issues.push('This extension cannot be accepted because it has no license.');
  }
  if (!has('extension.vsixmanifest')) issues.push('Entry not found: extension.vsixmanifest');

  // The registry: names and version.
  for (const [what, value] of [['namespace', identity.Publisher], ['extension', identity.Id]]) {
    if (!value || value === '-') issues.push(`The ${what} name must not be empty.`);
    else if (!NAME.test(value)) issues.push(`Invalid ${what} name: ${value}`);
    size(`${what} name`, value);
  }
  if (!identity.Version) issues.push('Version must not be empty.');
  else if (RESERVED_VERSIONS.includes(identity.Version)) issues.push(`The version string '${identity.Version}' is reserved.`);
  else if (!SEMVER.test(identity.Version)) issues.push('Invalid semantic version. See https://semver.org/.');
  if (!TARGET_PLATFORMS.includes(identity.TargetPlatform || 'universal')) issues.push(`Unsupported target platform '${identity.TargetPlatform}'`);

  // The registry: text fields.
  const displayName = metadata.DisplayName?.[0];
  characters('displayName', displayName);
  size('displayName', displayName);
  const rawDescription = metadata.Description?.[0];
  const description = typeof rawDescription === 'string' ? rawDescription : rawDescription?._;
  characters('description', description, ['\u200d']);
  size('description', description, DESCRIPTION_SIZE);
  for (const [field, list] of [['categories', metadata.Categories?.[0]], ['keywords', metadata.Tags?.[0]]] as const) {
    for (const value of list ? list.split(',') : []) {
      characters(field, value);
      size(field, value);
    }
  }
  const license = typeof manifest.license === 'string' ? manifest.license : undefined;
  characters('license', license);
  size('license', license);
  url('homepage', property('Microsoft.VisualStudio.Services.Links.Learn'));
  url('repository', property('Microsoft.VisualStudio.Services.Links.Source'));
  url('bugs', property('Microsoft.VisualStudio.Services.Links.Support'));
  oneOf('markdown', typeof manifest.markdown === 'string' ? manifest.markdown : undefined, ['github', 'standard']);
  const color = property('Microsoft.VisualStudio.Services.Branding.Color');
  characters('galleryBanner.color', color);
  size('galleryBanner.color', color, GALLERY_COLOR_SIZE);
  oneOf('galleryBanner.theme', property('Microsoft.VisualStudio.Services.Branding.Theme'), ['dark', 'light']);
  const qna = typeof manifest.qna === 'string' ? manifest.qna : undefined;
  oneOf('qna', qna, ['marketplace', 'false'], true);
  size('qna', qna);
  for (const [field, property_] of [['extensionDependencies', 'Microsoft.VisualStudio.Code.ExtensionDependencies'], ['extensionPack', 'Microsoft.VisualStudio.Code.ExtensionPack']]) {
    for (const id of (property(property_) ?? '').split(',').filter(Boolean)) {
      if (!/^[^.]+\.[^.]+$/.test(id)) issues.push(`Invalid '${field}' format. Expected: '\${namespace}.\${name}'`);
    }
  }

  // The registry: files it reads from the package (a declared file must be there).
  const licensePath = metadata.License?.[0] || asset('Microsoft.VisualStudio.Services.Content.License');
  if (licensePath && !has(licensePath)) issues.push(`Entry not found: ${licensePath}`);
  if (!license && !licensePath) issues.push('This extension cannot be accepted because it has no license.');
  // A README or CHANGELOG the vsixmanifest declares must be there; one it does not declare is
  // looked for under its usual names and may be absent.
  for (const type of ['Microsoft.VisualStudio.Services.Content.Details', 'Microsoft.VisualStudio.Services.Content.Changelog']) {
    const path = asset(type);
    if (path && !has(path)) issues.push(`Entry not found: ${path}`);
  }
  const iconPath = asset('Microsoft.VisualStudio.Services.Icons.Default')
    ?? (typeof manifest.icon === 'string' ? `extension/${manifest.icon.replace(/\\/g, '/')}` : undefined);
  if (iconPath && !has(iconPath)) issues.push(`Icon Entry not found: ${iconPath}`);
  return issues;
}
