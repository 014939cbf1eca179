/**
 * The little XML the Office readers need: tags and text scanned in order (not parsed into a
 * tree), attributes by local name, entities decoded. Namespace prefixes (`w:t`, `x:c`) are
 * ignored.
 */
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return ENTITY[e] ?? m;
  });
}

const attrRes = new Map<string, RegExp>();

export function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}

export interface Tag {
  name: string;
  attrs: string;
  close: boolean;
  empty: boolean;
}

/** Tags and text of an XML document in order: `onTag` for each tag, `onText` for text between. */
export function scan(xml: string, onTag: (t: Tag) => void, onText?: (text: string) => void): void {
  const re = /<(\/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|([^<]+)/g;
  for (let m; (m = re.exec(xml)); ) {
    if (m[2] !== undefined) onTag({ name: m[2], attrs: m[3] ?? '', close: m[1] === '/', empty: m[4] === '/' });
    else if (m[5] !== undefined) onText?.(m[5]);
    else if (m[6] !== undefined) onText?.(decodeXml(m[6]));
  }
}
