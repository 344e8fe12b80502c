/**
 * The key that signs session cookies: from PURPLE_SECRET, or generated once and kept in
 * the data directory (readable by the owner only), so restarts keep people signed in.
 * A key file that is not at least 32 bytes of hex refuses to start: an unreadable key
 * must never become a short or empty signing key.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bytes of key generated, and the fewest a key file may hold. */
const KEY_BYTES = 32;
const HEX_KEY = new RegExp(`^(?:[0-9a-fA-F]{2}){${KEY_BYTES},}$`);

function readKeyFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Purple could not read its key file ${file}: ${(err as Error).message}`);
  }
}

/** Load or create the signing secret; throws a readable error for a bad key file. */
export function loadSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, 'secret.key');
  const text = readKeyFile(file);
  if (text !== null) {
    if (!HEX_KEY.test(text)) {
      throw new Error(
        `${file} is not a valid key: it must hold at least ${KEY_BYTES * 2} hexadecimal characters (0-9, a-f). ` +
          'Restore the original file, or delete it to make a new key (everyone then needs their link again).',
      );
    }
    return Buffer.from(text, 'hex');
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(KEY_BYTES);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' });
  return secret;
}
