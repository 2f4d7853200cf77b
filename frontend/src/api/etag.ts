/** The strong ETag the API expects back in If-Match: the row version, quoted. */
export function etagOf(record: { version: number }): string {
  return `"${record.version}"`;
}
