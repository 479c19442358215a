import { useEffect, useState } from 'react';
import { ApiError, fetchViewLink } from '../api/maps-api';
import { recallLinks } from '../api/share-links';
import { Dialog } from './Dialog';

function CopyField({
  id,
  label,
  value,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  hint: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} data-testid={id} />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="muted">{hint}</p>
    </div>
  );
}

/** The map's links: edit and view-only for whoever may edit; a viewer sees the link they have. */
export function ShareDialog({
  mapId,
  token,
  readOnly,
  onClose,
}: {
  mapId: string;
  token: string;
  readOnly: boolean;
  onClose: () => void;
}) {
  const remembered = recallLinks(mapId);
  const view = useViewLink(mapId, token, readOnly || remembered !== undefined);
  const viewUrl = remembered?.viewUrl ?? (view.status === 'ready' ? view.url : undefined);
  return (
    <Dialog title="Share this map" onClose={onClose} testId="share-dialog">
      {readOnly ? (
        <CopyField
          id="share-current-link"
          label="View-only link"
          value={window.location.href}
          hint="Anyone with this link can see the map, live, but not change it. Ask someone with the edit link to share editing."
        />
      ) : (
        <>
          <CopyField
            id="share-edit-link"
            label="Edit link"
            value={remembered?.editUrl ?? window.location.href}
            hint="Anyone with this link can change the map."
          />
          {viewUrl !== undefined ? (
            <CopyField
              id="share-view-link"
              label="View-only link"
              value={viewUrl}
              hint="Anyone with this link can see the map, live, but not change it."
            />
          ) : view.status === 'loading' ? (
            <p className="muted" aria-busy="true" data-testid="share-view-loading">
              Getting the view-only link…
            </p>
          ) : (
            <p className="notice" role="alert" data-testid="share-view-error">
              {view.status === 'error' ? view.message : ''}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

type ViewLink =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly url: string }
  | { readonly status: 'error'; readonly message: string };

/** Asks the server for the view-only link, unless `skip` (a viewer, or a link kept here). */
function useViewLink(mapId: string, token: string, skip: boolean): ViewLink {
  const [state, setState] = useState<ViewLink>({ status: skip ? 'idle' : 'loading' });
  useEffect(() => {
    if (skip) return;
    let live = true;
    fetchViewLink(mapId, token).then(
      (url) => live && setState({ status: 'ready', url }),
      (error: unknown) => {
        if (!live) return;
        const unavailable = error instanceof ApiError && error.code === 'view-link-unavailable';
        const message = unavailable
          ? 'This map is older than recoverable view links: its view-only link is known only to the browser that created it.'
          : `The view-only link could not be fetched: ${error instanceof Error ? error.message : String(error)}`;
        setState({ status: 'error', message });
      },
    );
    return () => {
      live = false;
    };
  }, [mapId, token, skip]);
  return state;
}
