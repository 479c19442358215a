import type { XmlElement } from './xml-tree';
import { type CellStyle, parseStyle } from './style';

/*
 * The cells of one page's mxGraphModel, read flat as draw.io stores them: every shape, lane and
 * connector is an mxCell naming its parent by id. A cell with properties or a link is wrapped in
 * <UserObject> or <object>, which then carries the id and the label.
 */

export interface Geometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Placed relative to its parent's size (labels on shapes and connectors): no own box. */
  readonly relative: boolean;
}

export interface Cell {
  readonly id: string;
  readonly parent: string | undefined;
  /** The label as written: HTML when the style says html=1. */
  readonly value: string;
  readonly style: CellStyle;
  readonly vertex: boolean;
  readonly edge: boolean;
  readonly source: string | undefined;
  readonly target: string | undefined;
  readonly geometry: Geometry | undefined;
  /** Where the cell is in the page's XML, from 1. */
  readonly line: number;
}

const WRAPPERS = new Set(['UserObject', 'object']);

const number = (text: string | undefined) => {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) ? n : 0;
};

function geometryOf(cell: XmlElement): Geometry | undefined {
  const g = cell.children.find((c) => c.name === 'mxGeometry');
  if (!g) return undefined;
  const a = g.attributes;
  return {
    x: number(a.x),
    y: number(a.y),
    width: number(a.width),
    height: number(a.height),
    relative: a.relative === '1',
  };
}

function readCell(element: XmlElement, index: number): Cell | undefined {
  const wrapper = WRAPPERS.has(element.name) ? element : undefined;
  const cell = wrapper ? element.children.find((c) => c.name === 'mxCell') : element;
  if (cell?.name !== 'mxCell') return undefined;
  const a = cell.attributes;
  const id = wrapper?.attributes.id ?? a.id;
  return {
    id: id === undefined || id === '' ? `cell-${index + 1}` : id,
    parent: a.parent,
    value: (wrapper ? wrapper.attributes.label : a.value) ?? '',
    style: parseStyle(a.style),
    vertex: a.vertex === '1',
    edge: a.edge === '1',
    source: a.source,
    target: a.target,
    geometry: geometryOf(cell),
    line: element.line,
  };
}

/** The cells of an <mxGraphModel>, in file order. */
export function readCells(model: XmlElement): Cell[] {
  const root = model.children.find((c) => c.name === 'root');
  if (!root) return [];
  const cells: Cell[] = [];
  root.children.forEach((element, i) => {
    const cell = readCell(element, i);
    if (cell) cells.push(cell);
  });
  return cells;
}
