/*
 * bpmn-moddle's elements, read loosely: every element has a `$type` ("bpmn:Task") and an
 * `$instanceOf` that knows the BPMN type hierarchy (a userTask is a bpmn:Task, a transaction a
 * bpmn:SubProcess). Types are read by namespace URI inside moddle, so a file that binds the
 * BPMN namespace to an unusual prefix reads the same.
 */

export interface Element {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  $instanceOf?(type: string): boolean;
  readonly [key: string]: unknown;
}

export function isElement(v: unknown): v is Element {
  return typeof v === 'object' && v !== null && typeof (v as Element).$type === 'string';
}

/** Whether `el` is a `type` or one of its subtypes (bpmn:Task covers every kind of task). */
export function is(el: Element | undefined, type: string): boolean {
  if (!el) return false;
  if (el.$type === type) return true;
  return typeof el.$instanceOf === 'function' ? el.$instanceOf(type) : false;
}

/** A list property of `el` (absent lists read as empty). */
export function list(el: Element | undefined, key: string): Element[] {
  const v = el?.[key];
  return Array.isArray(v) ? v.filter(isElement) : [];
}

/** A reference or child element of `el`. */
export function one(el: Element | undefined, key: string): Element | undefined {
  const v = el?.[key];
  return isElement(v) ? v : undefined;
}

/** A text property of `el`, or '' when absent. */
export function text(el: Element | undefined, key: string): string {
  const v = el?.[key];
  return typeof v === 'string' ? v : '';
}

/** A boolean property of `el`, or `fallback` when absent. */
export function flag(el: Element | undefined, key: string, fallback: boolean): boolean {
  const v = el?.[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** The text of an element's documentation entries, joined. */
export function documentation(el: Element | undefined): string {
  return list(el, 'documentation')
    .map((d) => text(d, 'text').trim())
    .filter((t) => t !== '')
    .join('\n\n');
}
