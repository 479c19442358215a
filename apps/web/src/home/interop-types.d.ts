// The interop package's declaration of bpmn-moddle (which ships no types for its entry): the
// import dialog type-checks the importers it loads, as the command line's settings do.
/// <reference path="../../../../packages/interop/src/bpmn/bpmn-moddle.d.ts" />
