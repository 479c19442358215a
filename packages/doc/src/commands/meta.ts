import type { Settings } from '@procmap/model';
import * as Y from 'yjs';
import { setField } from '../codec';
import { checkFields } from '../check-input';
import type { CommandContext } from './context';

export type SettingsPatch = { readonly [K in keyof Settings]?: Settings[K] | undefined };

export interface MetaPatch {
  readonly title?: string;
  readonly description?: string | undefined;
}

/** The settings Y.Map, created on first write so two people's first edits both land in it. */
function settingsMap(ctx: CommandContext): Y.Map<unknown> {
  const existing = ctx.maps.meta.get('settings');
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  ctx.maps.meta.set('settings', created);
  return created;
}

/** Changes map settings (hours per day, demand...); `undefined` resets a field to its default. */
export function updateSettings(ctx: CommandContext, patch: SettingsPatch): void {
  checkFields('settings', patch);
  const existing = ctx.maps.meta.get('settings');
  if (!(existing instanceof Y.Map) && Object.values(patch).every((v) => v === undefined)) {
    return; // resetting defaults that were never set: no empty map, no empty undo step
  }
  const settings = settingsMap(ctx);
  for (const [key, value] of Object.entries(patch)) setField(settings, key, value);
}

/** Changes the map's title or description. */
export function updateMeta(ctx: CommandContext, patch: MetaPatch): void {
  checkFields('header', patch);
  if (patch.title !== undefined) setField(ctx.maps.meta, 'title', patch.title);
  if ('description' in patch) setField(ctx.maps.meta, 'description', patch.description);
}
