/**
 * Every HTTP refusal the server answers (`{ error: { code, message } }`), each with its status
 * and the words a person reads. The server's `message` names the technical problem for a
 * program or a log; `REFUSALS[code].user` is what the web app shows. A code missing here fails
 * to compile on the server, which builds every refusal from this table.
 */

/** What a refusal means for whoever opened a link: the page the web app shows. */
export type RefusalKind =
  /** The link does not open a map (wrong or revoked token, unknown or deleted map). */
  | 'link'
  /** The link opens the map, but not for this (e.g. only viewing). */
  | 'permission'
  /** Nothing is wrong with the request: try again later. */
  | 'retry'
  /** The request itself was wrong (bad input, or a bug in the client). */
  | 'request';

export interface RefusalInfo {
  readonly status: number;
  readonly kind: RefusalKind;
  /** What the person reads: one sentence that stands on its own (a toast, a log line). */
  readonly user: string;
  /** For a page or banner given to it: a heading, and the advice to put under it. */
  readonly title?: string;
  readonly advice?: string;
}

const LINK_TITLE = 'This link doesn’t open a map';
const LINK_ADVICE = 'It may be mistyped, or revoked. Ask whoever shared it for a new link.';
const LINK = {
  kind: 'link',
  user: 'This link doesn’t open a map: it may be mistyped or revoked. Ask whoever shared it for a new link.',
  title: LINK_TITLE,
  advice: LINK_ADVICE,
} as const;

export const REFUSALS = {
  'bad-url': { status: 400, kind: 'request', user: 'That address is not valid.' },
  'bad-request': { status: 400, kind: 'request', user: 'The server could not read the request.' },
  'headers-too-large': {
    status: 431,
    kind: 'request',
    user: 'The request was too large for the server to read.',
  },
  'bad-table': { status: 400, kind: 'request', user: 'There is no such table to export.' },
  'bad-page': { status: 400, kind: 'request', user: 'That page size or layout is not offered.' },
  'empty-steps': { status: 400, kind: 'request', user: 'Choose at least one step to export.' },
  'unknown-scenario': {
    status: 400,
    kind: 'request',
    user: 'That scenario is no longer in the map. Choose another.',
  },
  'unknown-steps': {
    status: 400,
    kind: 'request',
    user: 'Some chosen steps are no longer on the map. Choose them again.',
  },
  'steps-not-supported': {
    status: 400,
    kind: 'request',
    user: 'This format always exports the whole map.',
  },
  'empty-body': { status: 400, kind: 'request', user: 'Nothing was sent.' },
  'not-json': { status: 400, kind: 'request', user: 'That is not a procmap map file.' },
  'invalid-utf8': { status: 400, kind: 'request', user: 'That file is not UTF-8 text.' },
  'import-refused': {
    status: 400,
    kind: 'request',
    user: 'That file could not be imported: nothing was created.',
  },
  'invalid-map': {
    status: 400,
    kind: 'request',
    user: 'That map file has problems: nothing was changed.',
  },
  'invalid-title': { status: 400, kind: 'request', user: 'The title must be text.' },
  'too-deep': { status: 400, kind: 'request', user: 'That map file is nested too deeply to read.' },
  'token-required': { status: 401, ...LINK },
  'token-invalid': { status: 403, ...LINK },
  'view-only': {
    status: 403,
    kind: 'permission',
    user: 'This is a view-only link: it cannot change the map.',
  },
  'admin-token-required': {
    status: 401,
    kind: 'permission',
    user: 'Only whoever runs the server can do this.',
  },
  'admin-token-invalid': {
    status: 403,
    kind: 'permission',
    user: 'Only whoever runs the server can do this.',
  },
  'listing-disabled': {
    status: 403,
    kind: 'permission',
    user: 'This server does not list its maps. Open a map from its link.',
  },
  'not-found': { status: 404, ...LINK },
  'view-link-unavailable': {
    status: 404,
    kind: 'permission',
    user: 'This map has no view-only link: it was made before they existed.',
  },
  'method-not-allowed': { status: 405, kind: 'request', user: 'The server does not do that here.' },
  conflict: {
    status: 409,
    kind: 'retry',
    user: 'Something changed at the same moment: try again.',
  },
  'too-large': { status: 413, kind: 'request', user: 'That is larger than the server accepts.' },
  'unsupported-media-type': {
    status: 415,
    kind: 'request',
    user: 'That is not a procmap map file.',
  },
  'unsupported-encoding': {
    status: 415,
    kind: 'request',
    user: 'That file is compressed: send the map file itself.',
  },
  'host-not-allowed': {
    status: 421,
    kind: 'request',
    user: 'This server does not answer to that address. Use the address you were given.',
  },
  'too-many-maps': {
    status: 429,
    kind: 'retry',
    user: 'Many maps were just made from this address. Wait a minute, then try again.',
  },
  'too-many-exports': {
    status: 429,
    kind: 'retry',
    user: 'The server is busy exporting. Try again in a moment.',
  },
  internal: {
    status: 500,
    kind: 'retry',
    user: 'Something went wrong on the server. Try again; if it keeps happening, tell whoever runs it.',
  },
  unavailable: {
    status: 503,
    kind: 'retry',
    user: 'The server is restarting. Try again in a moment.',
  },
  'shutting-down': {
    status: 503,
    kind: 'retry',
    user: 'The server is restarting. Try again in a moment.',
  },
  'map-full': {
    status: 503,
    kind: 'retry',
    user: 'This map has as many people connected as it can take. Try again when someone leaves.',
  },
  'export-cancelled': { status: 503, kind: 'retry', user: 'The export was cancelled.' },
  'insufficient-storage': {
    status: 507,
    kind: 'retry',
    user: 'The server has no room left to store this: nothing was changed. Tell whoever runs the server.',
  },
} as const satisfies Readonly<Record<string, RefusalInfo>>;

export type RefusalCode = keyof typeof REFUSALS;

/** True for a code the server may answer. */
export function isRefusalCode(code: string): code is RefusalCode {
  return Object.hasOwn(REFUSALS, code);
}

/**
 * How to read a refusal received from the server: by its code when the table knows it, else by
 * its status alone (a proxy in between may answer without our JSON body).
 */
export function readRefusal(status: number, code?: string): RefusalInfo {
  if (code !== undefined && isRefusalCode(code)) return REFUSALS[code];
  if (status === 401 || status === 404 || status === 410) return { status, ...LINK };
  if (status === 403) return { status, kind: 'permission', user: 'This link cannot do that.' };
  if (status === 0 || status === 408 || status === 429 || status >= 500) {
    return {
      status,
      kind: 'retry',
      user:
        status === 0
          ? 'The server cannot be reached. Check your connection.'
          : `The server could not answer just now (${status}). Try again in a moment.`,
    };
  }
  return { status, kind: 'request', user: `The server refused the request (${status}).` };
}
