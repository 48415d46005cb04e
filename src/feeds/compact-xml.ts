/**
 * The feed library's XML writer: xml-js's `js2xml` for the compact trees the library builds (declaration,
 * instructions, elements, attributes, text, CDATA, comments), written again to give the same bytes in a
 * fraction of the time. xml-js 1.6 (last released in 2019) looks up its options, an object V8 keeps as a hash
 * table, a dozen times an element, and enumerates a text node's characters to learn whether it is empty: it
 * was two thirds of an RSS or Atom page's first render.
 *
 * wrangler.toml's [alias] puts this module in place of xml-js for the Worker, and tests/vitest.config.ts for
 * the tests; tests/unit/compact-xml.test.ts holds it to xml-js's output over random trees.
 */

/** The options the feed library passes, and the only ones this writer takes. */
export interface CompactOptions {
  compact: true;
  ignoreComment?: boolean;
  spaces?: number | string;
}

type Tree = Record<string, unknown>;

const TAKEN = new Set(['compact', 'ignoreComment', 'spaces']);

/** xml-js's text escaping: "&amp;" is first taken back to "&", so that it is not escaped twice. */
const text = (value: unknown): string => {
  const written = String(value);
  return /[&<>]/.test(written)
    ? written.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    : written;
};

/** Attribute values have their quotes escaped, and nothing else; null and undefined ones are left out. */
const attributes = (attrs: unknown): string => {
  if (typeof attrs !== 'object' || attrs === null) return '';
  let written = '';
  for (const [name, value] of Object.entries(attrs))
    if (value !== null && value !== undefined) written += ` ${name}="${String(value).replace(/"/g, '&quot;')}"`;
  return written;
};

/** "]]>" would end the section: xml-js splits its first occurrence only. */
const cdata = (value: unknown): string => `<![CDATA[${(value as string).replace(']]>', ']]]]><![CDATA[>')}]]>`;

const instruction = (node: unknown): string => {
  const [name, value] = Object.entries(node as Tree)[0] ?? [];
  if (typeof value === 'object' && value !== null) return `<?${name}${attributes((value as Tree)._attributes)}?>`;
  return `<?${name}${value ? ` ${value}` : ''}?>`;
};

/**
 * Whether an element has content: any member but its attributes, or with `textCounts` unset, any member
 * but its attributes, text, CDATA and instructions (that is, child elements to indent the closing tag for).
 */
const hasContent = (element: object, textCounts: boolean): boolean => {
  for (const key of Object.keys(element)) {
    if (key === '_attributes') continue;
    if (key === '_text' || key === '_cdata' || key === '_instruction') {
      if (textCounts) return true;
      continue;
    }
    return true;
  }
  return false;
};

class Writer {
  readonly #spaces: string;
  readonly #ignoreComment: boolean;

  constructor(options: CompactOptions) {
    const spaces = options.spaces;
    this.#spaces = typeof spaces === 'number' ? ' '.repeat(spaces) : typeof spaces === 'string' ? spaces : '';
    this.#ignoreComment = options.ignoreComment === true;
  }

  #indent(depth: number, firstLine: boolean): string {
    return (!firstLine && this.#spaces ? '\n' : '') + this.#spaces.repeat(depth);
  }

  #element(element: unknown, name: string, depth: number): string {
    if (element === undefined || element === null || element === '') return `<${name}/>`;
    if (typeof element !== 'object') return `<${name}>${text(element)}</${name}>`;
    const attrs = (element as Tree)._attributes;
    const open = `<${name}${attributes(attrs)}`;
    const preserve = typeof attrs === 'object' && attrs !== null && (attrs as Tree)['xml:space'] === 'preserve';
    if (!hasContent(element, true) && !preserve) return `${open}/>`;
    const close = `${hasContent(element, false) ? this.#indent(depth, false) : ''}</${name}>`;
    return `${open}>${this.elements(element as Tree, depth + 1, false)}${close}`;
  }

  elements(tree: Tree, depth: number, firstLine: boolean): string {
    let xml = '';
    let first = firstLine;
    for (const key of Object.keys(tree)) {
      // An element's own attributes, written in its opening tag.
      if (key === '_attributes') continue;
      const value = tree[key];
      for (const node of Array.isArray(value) ? value : [value]) {
        if (key === '_declaration') xml += `<?xml${attributes((node as Tree)._attributes)}?>`;
        else if (key === '_instruction') xml += instruction(node);
        else if (key === '_text') xml += text(node);
        else if (key === '_cdata') xml += cdata(node);
        else if (key === '_comment')
          xml += `${this.#indent(depth, first)}${this.#ignoreComment ? '' : `<!--${node}-->`}`;
        else xml += this.#indent(depth, first) + this.#element(node, key, depth);
        // xml-js counts what it has written, not its length: an ignored comment ends the first line too.
        first = false;
      }
    }
    return xml;
  }
}

/** The XML of a compact tree, as xml-js writes it with the same options. */
export const js2xml = (tree: Tree, options: CompactOptions): string => {
  const other = Object.keys(options).find((option) => !TAKEN.has(option));
  if (options.compact !== true || other !== undefined)
    throw new Error(`compact-xml writes xml-js's compact form only, without the option "${other ?? 'compact'}"`);
  return new Writer(options).elements(tree, 0, true);
};
