/** Every keyboard shortcut of the editor, as the `?` dialog lists them. */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly action: string }[] = [
  { keys: ['L'], action: 'Add a lane (below the selected one) and name it' },
  { keys: ['N'], action: 'Add a step in the selected lane' },
  {
    keys: ['Enter'],
    action: 'On a step: add the next step, connected to it. On a lane: add a step',
  },
  { keys: ['F2'], action: 'Rename the selected step or lane; on a flow, edit its label' },
  { keys: ['Enter'], action: 'While typing: save the text' },
  { keys: ['Esc'], action: 'While typing: cancel. Otherwise: clear the selection' },
  { keys: ['Tab', '→'], action: 'Select the next step along the flow' },
  { keys: ['Shift+Tab', '←'], action: 'Select the previous step along the flow' },
  { keys: ['↑', '↓'], action: 'Select in the lane above or below' },
  { keys: ['Alt+↑', 'Alt+↓'], action: 'Move the selected step (or lane) up or down a lane' },
  {
    keys: ['K'],
    action: 'Change the kind of the selected step (task, decision, delay, end, start)',
  },
  { keys: ['P'], action: 'Go to the properties panel (the selected step, or the map settings)' },
  {
    keys: ['C'],
    action: 'Comment: a pain point, idea, question or note on the selected step, flow or the map',
  },
  { keys: ['Enter'], action: 'In the comment box: send the comment' },
  { keys: ['Shift+Enter'], action: 'In the comment box: start a new line' },
  {
    keys: ['Shift+T'],
    action: 'Tidy up: lay the map out along the flow, every step in its lane (one undo)',
  },
  {
    keys: ['Delete'],
    action:
      'Delete the selected steps (the chain around them is rejoined), or the selected lane (asks where its steps go)',
  },
  { keys: ['Ctrl+click', 'Shift+drag'], action: 'Select several steps (click to add; drag a box)' },
  { keys: ['Ctrl+A'], action: 'Select every step' },
  {
    keys: ['Ctrl+C', 'Ctrl+X', 'Ctrl+V'],
    action: 'Copy, cut and paste the selected steps (also between maps)',
  },
  { keys: ['Ctrl+D'], action: 'Duplicate the selected steps' },
  { keys: ['Ctrl+Z'], action: 'Undo your last edit' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'Redo' },
  { keys: ['?'], action: 'Show this list' },
];
