import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir, with helpers to write files into it. */
export interface TempDir {
  readonly path: string;
  /** Writes text (or bytes) to `name` in the directory and returns the full path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  /** Writes a value as JSON and returns the full path. */
  writeJson(name: string, value: unknown): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a temp directory for one test file; call remove() when done. */
export async function makeTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'procmap-cli-'));
  const write = async (name: string, content: string | Uint8Array) => {
    const file = join(path, name);
    await writeFile(file, content);
    return file;
  };
  return {
    path,
    write,
    writeJson: (name, value) => write(name, `${JSON.stringify(value, null, 2)}\n`),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
