/**
 * Paths that point outside the machine. A file setting (Profile, OAuthSettingsLocation, Logfile…) is read or
 * written by the driver wherever it points: a network share or a URL there means another machine serves the
 * profile or receives the OAuth tokens and logs. A share link or a pasted string can carry such a path, so the
 * validator warns about it (`remote-path`). Browser compatible, no side effects.
 */

/** How a path reaches another machine, and which machine. */
export interface RemoteLocation {
  kind: 'network share' | 'URL';
  /** The host named, as written (never a user name or password). */
  host: string;
}

/** Quotes (straight or curly) and invisible characters a pasted value may carry around the path. */
const WRAPPING = /^[\s"'\u2018-\u201f\u200b-\u200d\u2060\ufeff]+|[\s"'\u2018-\u201f\u200b-\u200d\u2060\ufeff]+$/g;
/** `\\host\share`, `//host/share`, `\/host` (any mix of slashes). */
const UNC = /^[\\/]{2}([^\\/]+)/;
/** `scheme://…`, with a scheme of two letters or more (`C://x` is a drive letter). */
const URL_FORM = /^([a-z][a-z0-9+.-]+):\/\/([^/\\?#]*)/i;

/** Where a path value leads when it is not on this machine; `undefined` for a local path. */
export function remoteLocation(value: string): RemoteLocation | undefined {
  const path = value.replace(WRAPPING, '');
  const unc = UNC.exec(path);
  if (unc) {
    const host = unc[1]!;
    // Device paths: `\\?\C:\…` and `\\.\C:\…` are local; `\\?\UNC\host\share\…` is a share.
    if (host === '?' || host === '.') {
      const rest = /^[\\/]{2}[?.][\\/]UNC[\\/]([^\\/]+)/i.exec(path);
      return rest ? { kind: 'network share', host: rest[1]! } : undefined;
    }
    return { kind: 'network share', host };
  }
  const url = URL_FORM.exec(path);
  if (!url) return undefined;
  const scheme = url[1]!.toLowerCase();
  // Drop a user name and password: the warning names the machine only.
  const authority = url[2]!;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  // `file:///C:/x` and `file://localhost/x` stay on this machine; `file://server/share` does not.
  if (scheme === 'file' && (host === '' || host.toLowerCase() === 'localhost' || host === '127.0.0.1')) return undefined;
  return { kind: scheme === 'file' ? 'network share' : 'URL', host: host || scheme };
}
