/**
 * Links to PDF attachments that are likely disclosures: a `.pdf` file whose link text or
 * file name names a budget or final accounts (预算, 决算, 三公 …), or that a TRS site named
 * by its attachment scheme (`P020240920…pdf`, `W020…pdf`) on a page that is a disclosure.
 */
export interface PdfLink {
  href: string;
  text: string;
}

const WORDS = /预算|决算|预决算|三公|收支|部门|财政|budget/i;
const TRS_ATTACHMENT = /\/[PW]0\d{6,}\S*\.pdf$/i;
const MAX_LINKS = 20;

function isPdf(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname) || /[?&](?:file|filename|name)=[^&]*\.pdf(?:&|$)/i.test(url.search);
}

export function disclosurePdfLinks(links: PdfLink[], pageUrl: string, pageIsDisclosure = true): PdfLink[] {
  const out: PdfLink[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    let url: URL;
    try {
      url = new URL(l.href, pageUrl || undefined);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (!isPdf(url)) continue;
    let name = `${url.pathname.split('/').pop() ?? ''} ${url.search}`;
    try {
      name = decodeURIComponent(name);
    } catch {
      // a malformed escape: keep it as it is
    }
    const text = l.text.replace(/\s+/g, ' ').trim();
    if (!(WORDS.test(text) || WORDS.test(name) || (pageIsDisclosure && TRS_ATTACHMENT.test(url.pathname)))) continue;
    const href = url.href;
    if (seen.has(href)) continue;
    seen.add(href);
    out.push({ href, text: text || name });
    if (out.length >= MAX_LINKS) break;
  }
  return out;
}
