/**
 * Whether a Content-Type header names JSON exactly: `application/json`, any case, with optional
 * parameters; a charset other than UTF-8 is refused because the body is read as UTF-8.
 * `application/jsonx` or `application/json-patch` are other types, not JSON.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...parameters] = header.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  for (const parameter of parameters) {
    const eq = parameter.indexOf('=');
    if (eq < 0) {
      if (parameter.trim() === '') continue;
      return false;
    }
    const name = parameter.slice(0, eq).trim().toLowerCase();
    const value = parameter
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') return false;
  }
  return true;
}
