/*
 * The little of bpmn-moddle's API the importer uses (the package ships no types for its entry).
 * Elements are read through the loose `Element` type of elements.ts, by their `$type`.
 */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    readonly message: string;
    readonly error?: Error;
  }
  export interface ModdleParseResult {
    readonly rootElement: unknown;
    readonly warnings: readonly ModdleWarning[];
    readonly elementsById: Readonly<Record<string, unknown>>;
  }
  export class BpmnModdle {
    fromXML(text: string, typeName?: string): Promise<ModdleParseResult>;
  }
}
