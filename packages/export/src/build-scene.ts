import type { ProcessMap } from '@procmap/model';
import { drawMap, type SceneOptions } from './draw-map';
import { LAYER } from './painter';
import type { Scene } from './scene';
import { ScenePainter } from './scene-painter';

/** Builds the scene of a map (for pages, tiles and the report): drawMap kept as items. */
export function buildScene(map: ProcessMap, options: SceneOptions = {}): Scene {
  const painter = new ScenePainter();
  const frame = drawMap(map, options, painter);
  const body = painter.layers.slice(0, LAYER.headers).flat();
  return { ...frame, header: painter.layers[LAYER.headers] ?? [], body };
}
