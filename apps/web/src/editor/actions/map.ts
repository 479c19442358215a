import { useSession } from '../../store/session-store';
import { focusCanvasSoon } from '../canvas-focus';
import type { Action } from './types';
import { always } from './when';

/** The map as a whole: tidy up, the outline, the table, export, share, the shortcuts. */
export const MAP_ACTIONS: readonly Action[] = [
  {
    id: 'tidy-up',
    label: 'Tidy up',
    help: 'Tidy up: lay the map out along the flow, every step in its lane (one undo)',
    keys: ['Alt+T'],
    group: 'map',
    changesMap: true,
    applies: always,
    run: (ctx) => ctx.ui.tidyUp(),
  },
  {
    id: 'outline',
    label: 'Outline',
    help: 'Outline: the process as lists, one per lane, to read, review and edit by keyboard (again: back to the map)',
    keys: ['Alt+V'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => {
      const session = useSession.getState();
      if (session.view === 'map' || session.view === 'table') {
        session.setView('outline');
        return;
      }
      // Back to the map from inside the outline (whose elements go away): the keyboard goes to
      // the map, on the same selection. From the toolbar's button, focus stays on the button.
      const from = document.activeElement;
      const inOutline = !from || from === document.body || from.closest('.outline') !== null;
      session.setView('map');
      if (inOutline) focusCanvasSoon();
    },
  },
  {
    id: 'table',
    label: 'Table',
    help: 'Table: the steps as a grid, to fill in by keyboard or paste rows from Excel (again: back to the map)',
    keys: ['Alt+G'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => {
      const session = useSession.getState();
      if (session.view !== 'table') {
        session.setView('table');
        return;
      }
      // Back to the map from inside the table (whose cells go away): the keyboard goes to the
      // map, on the same selection. From the toolbar's button, focus stays on the button.
      const from = document.activeElement;
      const inside = !from || from === document.body || from.closest('.table-view') !== null;
      session.setView('map');
      if (inside) focusCanvasSoon();
    },
  },
  {
    id: 'switcher',
    label: 'Process shown',
    help: 'Open the process switcher: show the as-is or a scenario, make, rename, describe or delete one',
    keys: ['Alt+S'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openSwitcher(),
  },
  {
    id: 'compare',
    label: 'Compare',
    help: 'Compare: the as-is and its scenarios side by side, their figures and what each changes (again: back to the map)',
    keys: ['Alt+M'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => {
      const session = useSession.getState();
      if (session.view !== 'compare') {
        session.setView('compare');
        return;
      }
      // Back to the map from inside the comparison (whose elements go away): the keyboard goes
      // to the map. From the toolbar's button, focus stays on the button.
      const from = document.activeElement;
      const inside = !from || from === document.body || from.closest('.compare') !== null;
      session.setView('map');
      if (inside) focusCanvasSoon();
    },
  },
  {
    id: 'export',
    label: 'Export',
    help: 'Export: PDF, improvement report, SVG, PNG, CSV',
    keys: [],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openDialog('export'),
  },
  {
    id: 'share',
    label: 'Share',
    help: 'Share: links to edit or to view this map',
    keys: [],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openDialog('share'),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    help: 'Show this list',
    keys: ['?'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openDialog('shortcuts'),
  },
];
