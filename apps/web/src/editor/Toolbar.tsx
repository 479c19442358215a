import { AppLink } from '../app/AppLink';
import type { ConnectionState } from '../sync/map-connection';
import { useSession } from '../store/session-store';
import {
  type ActionContext,
  action,
  actionState,
  actionTitle,
  isEnabled,
  keyHint,
  runAction,
} from './actions';
import { Participants } from '../presence/Participants';
import { ConnectionBadge } from './ConnectionBadge';
import { chordLabel } from './keys';
import { useNarrowWindow } from './narrow-window';
import { useMenuButton } from './useMenuButton';
import { useTidyProgress } from './useTidyUp';
import { ScenarioSwitcher } from './ScenarioSwitcher';
import type { Scenario } from '@procmap/model';

/** Stroked 24×24 outlines for the toolbar's buttons, shown when a narrow window hides their words. */
const ICONS = {
  lane: 'M4 5h16M4 10h16M4 15h7M17 13v8M13 17h8',
  tidy: 'M3 5h6v4H3zM15 5h6v4h-6zM9 7h6M3 15h6v4H3zM15 15h6v4h-6zM9 17h6M18 9v6',
  undo: 'M9 5 4 10l5 5M4 10h10a5 5 0 0 1 0 10h-4',
  redo: 'm15 5 5 5-5 5M20 10H10a5 5 0 0 0 0 10h4',
  outline: 'M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  export: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  share:
    'M8.2 10.8l7.6-4.6M8.2 13.2l7.6 4.6M8.5 12a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM20.5 5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM20.5 19a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg
      className="toolbar__icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

/**
 * A toolbar button: an icon and words. The words are always its accessible name, and hidden
 * (the icon stays) when the window is too narrow for them: `fold` 0 first (Undo and Redo, whose
 * arrows everyone knows), then 1, then 2 (editor.css, `toolbar__button--fold-*`).
 */
function ToolButton({
  icon,
  label,
  fold,
  title,
  onClick,
  disabled,
  busy,
  pressed,
  testId,
}: {
  icon: keyof typeof ICONS;
  label: string;
  fold: 0 | 1 | 2;
  title: string;
  onClick: () => void;
  disabled?: boolean;
  busy?: boolean;
  /** A toggle: whether it is on. */
  pressed?: boolean;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`button toolbar__button toolbar__button--fold-${fold}`}
      onClick={onClick}
      disabled={disabled}
      aria-busy={busy}
      aria-pressed={pressed}
      title={title}
      data-testid={testId}
    >
      <Icon name={icon} />
      <span className="toolbar__label">{label}</span>
    </button>
  );
}

/** A toolbar button for an action of the table: its words, key and state from there. */
function ActionButton({
  ctx,
  id,
  icon,
  fold,
  title,
  testId,
}: {
  ctx: ActionContext;
  id: string;
  icon: keyof typeof ICONS;
  fold: 0 | 1 | 2;
  /** Longer words than the action's label, for the tooltip. */
  title?: string;
  testId?: string;
}) {
  const a = action(id);
  // The selection decides some actions' state: follow it.
  useSession((s) => s.selection);
  return (
    <ToolButton
      icon={icon}
      label={a.label}
      fold={fold}
      title={title ? `${title}${keyHint(a)}` : actionTitle(a)}
      onClick={() => runAction(id, ctx)}
      disabled={!isEnabled(a, actionState(ctx))}
      testId={testId}
    />
  );
}

/** The map-wide actions the "More" menu offers in a narrow window. */
const MORE_ITEMS = ['export', 'share', 'shortcuts'] as const;

/** A menu item's words and first key, from the actions table. */
function MenuWords({ id }: { id: string }) {
  const a = action(id);
  return (
    <>
      <span>{a.label}</span>
      {a.keys[0] && <kbd>{chordLabel(a.keys[0])}</kbd>}
    </>
  );
}

/**
 * A narrow window's "More" menu: the map-wide buttons (outline, export, share, shortcuts), so
 * the editing buttons keep one line. A menu button in the ARIA sense: Enter, Space or ↓ open it
 * on its first item (↑ on its last), the arrows, Home and End move, Esc closes it and gives the
 * keyboard back to the button, Tab or a click elsewhere closes it.
 */
function MoreMenu({ ctx }: { ctx: ActionContext }) {
  const { open, setOpen, button, menu, buttonId, menuId, onMenuKey, onButtonKey, done } =
    useMenuButton();
  const view = useSession((s) => s.view);

  // The menu closes first and the keyboard goes back to its button: a dialog opened from the
  // menu then gives the keyboard back to the button when it closes.
  const run = (id: string) => () => {
    done();
    runAction(id, ctx);
  };

  return (
    <span className="toolbar__more">
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="button toolbar__button"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        title="More: outline, table, compare, export, share, keyboard shortcuts"
        data-testid="toolbar-more"
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={onButtonKey}
      >
        <Icon name="more" />
        <span className="toolbar__label">More</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="menu toolbar__menu"
          role="menu"
          aria-labelledby={buttonId}
          data-own-keys=""
          data-testid="toolbar-more-menu"
          onKeyDown={onMenuKey}
        >
          {/* The outline is a view to turn on and off: a checked item while it shows. */}
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={view === 'outline'}
            tabIndex={-1}
            onClick={run('outline')}
          >
            <MenuWords id="outline" />
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={view === 'table'}
            tabIndex={-1}
            onClick={run('table')}
          >
            <MenuWords id="table" />
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={view === 'compare'}
            tabIndex={-1}
            onClick={run('compare')}
          >
            <MenuWords id="compare" />
          </button>
          {MORE_ITEMS.map((id) => (
            <button key={id} type="button" role="menuitem" tabIndex={-1} onClick={run(id)}>
              <MenuWords id={id} />
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

/** The bar above the canvas: back to the maps, title, state, undo/redo, share, shortcuts. */
export function Toolbar({
  ctx,
  title,
  state,
  scenarios,
}: {
  ctx: ActionContext;
  title: string;
  state: ConnectionState;
  /** The map's scenarios, for the switcher by the title. */
  scenarios: readonly Scenario[];
}) {
  const { readOnly } = ctx;
  const tidyProgress = useTidyProgress((s) => s.progress);
  const tidying = tidyProgress !== null;
  const tidy = action('tidy-up');
  const outline = action('outline');
  const table = action('table');
  const view = useSession((s) => s.view);
  // A narrow window: the editing buttons as icons, the map-wide ones in a "More" menu.
  const narrow = useNarrowWindow();
  return (
    <header className={`toolbar${narrow ? ' toolbar--narrow' : ''}`}>
      <AppLink to="/" className="toolbar__home">
        <span aria-hidden="true">←</span> Maps
      </AppLink>
      <h1 className="toolbar__title" data-testid="map-title" title={title || 'Untitled map'}>
        {title || 'Untitled map'}
      </h1>
      <ScenarioSwitcher scenarios={scenarios} readOnly={readOnly} />
      {readOnly && <span className="badge badge--readonly">View only</span>}
      <ConnectionBadge state={state} readOnly={readOnly} />
      <div className="toolbar__actions">
        <Participants />
        {!readOnly && (
          <>
            <ActionButton ctx={ctx} id="add-lane" icon="lane" fold={1} />
            <span className="toolbar__tidy">
              <ToolButton
                icon="tidy"
                label={tidying ? 'Tidying…' : tidy.label}
                fold={1}
                title={`${tidy.help}${keyHint(tidy)}`}
                onClick={() => runAction('tidy-up', ctx)}
                disabled={tidying}
                busy={tidying}
                testId="tidy-up"
              />
              {tidying && (
                <progress
                  className="toolbar__progress"
                  max={1}
                  value={tidyProgress}
                  aria-label="Tidy up progress"
                  data-testid="tidy-progress"
                />
              )}
            </span>
            <ActionButton ctx={ctx} id="undo" icon="undo" fold={0} />
            <ActionButton ctx={ctx} id="redo" icon="redo" fold={0} />
          </>
        )}
        {narrow ? (
          <MoreMenu ctx={ctx} />
        ) : (
          <>
            {/* The view switch: the map shows while neither is pressed. */}
            {/* biome-ignore lint/a11y/useSemanticElements: a group of two toggle buttons, not of form fields */}
            <span className="toolbar__views" role="group" aria-label="View">
              <ToolButton
                icon="outline"
                label={outline.label}
                fold={0}
                title={`${outline.help}${keyHint(outline)}`}
                onClick={() => runAction('outline', ctx)}
                pressed={view === 'outline'}
                testId="outline-toggle"
              />
              <ToolButton
                icon="table"
                label={table.label}
                fold={0}
                title={`${table.help}${keyHint(table)}`}
                onClick={() => runAction('table', ctx)}
                pressed={view === 'table'}
                testId="table-toggle"
              />
            </span>

            <ActionButton
              ctx={ctx}
              id="export"
              icon="export"
              fold={2}
              title={action('export').help}
            />
            <ActionButton ctx={ctx} id="share" icon="share" fold={2} title={action('share').help} />
            <button
              type="button"
              className="button button--quiet"
              onClick={() => runAction('shortcuts', ctx)}
              aria-label={action('shortcuts').label}
              title={actionTitle(action('shortcuts'))}
            >
              ?
            </button>
          </>
        )}
      </div>
    </header>
  );
}
