import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../auth/tokens';
import type { RoomRegistry } from '../rooms/room-registry';
import { MemoryStorage } from '../storage/memory-storage';
import { MapError, MapService } from './map-service';

/*
 * The view-only link for editors, without a server around it (the HTTP side is in
 * api-map.e2e.test.ts). Rooms are not needed for it, so none are made.
 */

const noRooms = {} as RoomRegistry;

async function storedMap(storage: MemoryStorage, editToken: string, viewToken: string) {
  const now = new Date().toISOString();
  await storage.createMap(
    {
      id: 'legacy',
      title: 'Made before view links were derived',
      editTokenHash: hashToken(editToken),
      viewTokenHash: hashToken(viewToken),
      createdAt: now,
      updatedAt: now,
    },
    new Uint8Array([0, 0]),
  );
}

describe('MapService.viewToken', () => {
  it('says plainly that the view link of a map with a random view token cannot be recovered', async () => {
    const storage = new MemoryStorage();
    const editToken = newToken();
    await storedMap(storage, editToken, newToken());
    const service = new MapService(storage, noRooms);
    const error = await service.viewToken('legacy', editToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MapError);
    expect(error).toMatchObject({ status: 404, code: 'view-link-unavailable' });
    expect((error as Error).message).toMatch(/browser that created it/);
  });

  it('checks the edit token before anything else', async () => {
    const storage = new MemoryStorage();
    const editToken = newToken();
    const viewToken = newToken();
    await storedMap(storage, editToken, viewToken);
    const service = new MapService(storage, noRooms);
    await expect(service.viewToken('legacy', viewToken)).rejects.toMatchObject({
      status: 403,
      code: 'view-only',
    });
    await expect(service.viewToken('legacy', undefined)).rejects.toMatchObject({ status: 401 });
  });
});
