import type { MapRecord } from './adapter';

/** A row of the `maps` table, as both SQL stores name its columns. */
export interface MapRow {
  id: string;
  title: string;
  edit_token_hash: string;
  view_token_hash: string;
  created_at: string;
  updated_at: string;
}

/** The record a `maps` row holds. */
export function recordFromRow(row: MapRow): MapRecord {
  return {
    id: row.id,
    title: row.title,
    editTokenHash: row.edit_token_hash,
    viewTokenHash: row.view_token_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
