import { useState } from 'react';
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

/** The map's links: edit and view-only when this browser created the map, else the current one. */
export function ShareDialog({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  const links = recallLinks(mapId);
  return (
    <Dialog title="Share this map" onClose={onClose} testId="share-dialog">
      {links ? (
        <>
          <CopyField
            id="share-edit-link"
            label="Edit link"
            value={links.editUrl}
            hint="Anyone with this link can change the map."
          />
          <CopyField
            id="share-view-link"
            label="View-only link"
            value={links.viewUrl}
            hint="Anyone with this link can see the map, live, but not change it."
          />
        </>
      ) : (
        <CopyField
          id="share-current-link"
          label="This map's link"
          value={window.location.href}
          hint="It gives the same access you have. The view-only link is shown only in the browser that created the map."
        />
      )}
    </Dialog>
  );
}
