/**
 * Record ids are PostgreSQL uuids. A string that merely has 36 hex-or-dash characters (36 zeros,
 * 36 a's) makes PostgreSQL throw "invalid input syntax for type uuid", which was a 500; every route
 * param and form value that names a record is checked here first so such input is a 404/400.
 * The shape is what PostgreSQL accepts (any version nibble), not only RFC 4122 v4.
 */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
