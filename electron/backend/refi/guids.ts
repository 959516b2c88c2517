import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5) under `namespace` (the project's UUID): the same name
 * gives the same GUID in every export, for objects Stige keeps no id of its own for (variables,
 * sets, selections, the graph and its vertices, the notes that carry memo columns).
 */
export function derivedGuid(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, '').padEnd(32, '0').slice(0, 32), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** True for a GUID in the form the REFI-QDA schemas accept. */
export function isSchemaGuid(value: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value);
}
