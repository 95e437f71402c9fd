/**
 * A strict, small XML 1.0 well-formedness parser for the tests (the
 * project has no XML dependency): one root element, balanced tags, quoted
 * unique attributes, only the five predefined and numeric entity
 * references, no character XML forbids. Returns the element tree with
 * entities decoded; throws with the offset of the first error.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, entities decoded (children's text not included). */
  readonly text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${why} (near ${JSON.stringify(xml.slice(i, i + 40))})`);
  };
  const bad = FORBIDDEN.exec(xml);
  if (bad) {
    i = bad.index;
    fail(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} is not allowed in XML`);
  }
  const ws = () => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i])) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
      if (ref === undefined) {
        i = at;
        return fail("a bare '&'");
      }
      if (ref in ENTITIES) return ENTITIES[ref];
      const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
      if (!num) {
        i = at;
        return fail(`unknown entity &${ref};`);
      }
      return String.fromCodePoint(parseInt(num[1], ref.startsWith('#x') ? 16 : 10));
    });
  const misc = () => {
    for (;;) {
      ws();
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail("expected '<'");
    i++;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      ws();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attrs, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const a = name();
      ws();
      if (xml[i] !== '=') fail("expected '=' after an attribute name");
      i++;
      ws();
      const q = xml[i];
      if (q !== '"' && q !== "'") fail('expected a quoted attribute value');
      const end = xml.indexOf(q, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail("'<' in an attribute value");
      if (a in attrs) fail(`duplicate attribute ${a}`);
      attrs[a] = decode(raw, i);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= xml.length) fail(`unclosed element <${tag}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = name();
        if (close !== tag) fail(`</${close}> closes <${tag}>`);
        ws();
        if (xml[i] !== '>') fail("expected '>'");
        i++;
        return { name: tag, attrs, children, text };
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i + 9);
        if (end < 0) fail('unterminated CDATA section');
        text += xml.slice(i + 9, end);
        i = end + 3;
      } else if (xml[i] === '<') {
        children.push(element());
      } else {
        const end = xml.indexOf('<', i);
        const raw = xml.slice(i, end < 0 ? xml.length : end);
        if (raw.includes(']]>')) fail("']]>' in text");
        text += decode(raw, i);
        i += raw.length;
      }
    }
  };
  if (xml.startsWith('<?xml', 0)) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** Every descendant element named `name`, depth first. */
export function elements(e: XmlElement, name: string): XmlElement[] {
  return e.children.flatMap((c) => [...(c.name === name ? [c] : []), ...elements(c, name)]);
}
