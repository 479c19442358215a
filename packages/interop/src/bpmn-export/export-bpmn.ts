import { mapGeometry } from '@procmap/layout';
import { normalize, type ProcessMap } from '@procmap/model';
import { annotations } from './annotations';
import { bpmnGraph } from './bpmn-graph';
import { diagram } from './diagram';
import { diagramLayout } from './diagram-layout';
import { PROCMAP_BPMN_NS, PROCMAP_PREFIX } from './extension-attributes';
import { moddleWriter } from './moddle';
import { semanticModel } from './semantic-model';
import { xmlText } from './xml-text';

/*
 * A map as a BPMN 2.0 file with its diagram: one collaboration with one pool (the map's
 * process), a lane per role, the steps as flow nodes, parallel work made explicit with gateways,
 * and a diagram laid out as the canvas draws the map. The element tree is built with bpmn-moddle
 * and written by it, so every piece of user text is escaped by the writer; what XML cannot hold
 * at all is taken out first (xml-text.ts). docs/interop/bpmn-export.md says what becomes what.
 */

/** Who wrote the file, in the definitions' exporter attributes. */
export const BPMN_EXPORTER = 'procmap';
export const BPMN_EXPORTER_VERSION = '1';

/**
 * The map as BPMN 2.0 XML (UTF-8 text, indented). The map is read as the canvas shows it
 * (normalize): repeated ids are told apart, steps of a missing role go to an "Unassigned" lane,
 * flows to a missing step are left out. Never writes to the map.
 */
export async function exportBpmn(input: ProcessMap): Promise<string> {
  const map = normalize(input).map;
  const moddle = moddleWriter();
  const graph = bpmnGraph(map);
  const { ids } = graph;
  const process = semanticModel(moddle, map, graph, {
    process: ids.take('Process_1', 'Process'),
    laneSet: ids.take('LaneSet_1', 'LaneSet'),
  });
  const notes = annotations(moddle, map, graph, process);
  if (notes.length > 0) {
    process.process.artifacts = [
      ...notes.map((n) => n.element),
      ...notes.flatMap((n) => (n.association ? [n.association] : [])),
    ];
  }
  const participantProps: Record<string, unknown> = {
    id: ids.take('Participant_1', 'Participant'),
    processRef: process.process,
  };
  const title = xmlText(map.title);
  if (title !== undefined) participantProps.name = title;
  const participant = moddle.create('bpmn:Participant', participantProps);
  const collaboration = moddle.create('bpmn:Collaboration', {
    id: ids.take('Collaboration_1', 'Collaboration'),
    participants: [participant],
  });
  const layout = diagramLayout(graph, mapGeometry(map));
  const di = diagram(
    moddle,
    graph,
    process,
    layout,
    collaboration,
    participant,
    {
      diagram: ids.take('BPMNDiagram_1', 'Diagram'),
      plane: ids.take('BPMNPlane_1', 'Plane'),
      di: (id) => ids.take(`${id}_di`, 'DI'),
    },
    notes,
  );
  const definitions = moddle.create('bpmn:Definitions', {
    id: ids.take('Definitions_1', 'Definitions'),
    targetNamespace: PROCMAP_BPMN_NS,
    exporter: BPMN_EXPORTER,
    exporterVersion: BPMN_EXPORTER_VERSION,
    rootElements: [collaboration, process.process],
    diagrams: [di],
  });
  definitions.$attrs[`xmlns:${PROCMAP_PREFIX}`] = PROCMAP_BPMN_NS;
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
