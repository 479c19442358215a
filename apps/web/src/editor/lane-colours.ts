/** Lane colours offered in the lane menu: distinct, and strong enough to read on a projector. */
export const LANE_COLOURS: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'Blue', value: '#2457c5' },
  { name: 'Teal', value: '#0e7490' },
  { name: 'Green', value: '#1f7a4d' },
  { name: 'Amber', value: '#b45309' },
  { name: 'Red', value: '#b42318' },
  { name: 'Pink', value: '#be185d' },
  { name: 'Purple', value: '#6d3fc0' },
  { name: 'Slate', value: '#4a5868' },
];
