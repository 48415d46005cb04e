/** Turns a source file's bytes into clean text: UTF-8 only, LF line ends, NFC, no control characters. */
import { ContentError, type ContentWarning } from './types.ts';

export interface DecodedSource {
  text: string;
  warnings: (Omit<ContentWarning, 'file'> & { line: number })[];
}

// C0 controls other than tab and newline, DEL, C1 controls, and the
// noncharacters U+FFFE/U+FFFF: none may appear in XML, and none is ever meant.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const STRAY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

export const decodeSource = (bytes: Uint8Array): DecodedSource => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidUtf8(bytes);
  }
  const warnings: DecodedSource['warnings'] = [];
  text = text.replace(/\r\n?/g, '\n');

  const normalized = text.normalize('NFC');
  if (normalized !== text) {
    warnings.push({
      kind: 'unicode-normalised',
      line: firstDifference(text, normalized),
      message: 'decomposed Unicode normalised to NFC',
    });
    text = normalized;
  }

  const stray = [...text.matchAll(STRAY_CONTROL)];
  if (stray.length > 0) {
    const first = stray[0]!;
    const code = first[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    warnings.push({
      kind: 'control-characters',
      line: lineAt(text, first.index),
      message: `removed ${stray.length} control character(s), first U+${code}`,
    });
    text = text.replace(STRAY_CONTROL, '');
  }
  return { text, warnings };
};

const firstDifference = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return lineAt(a, i);
};

// Locates the first bad byte and, when the bytes read as Cyrillic in
// Windows-1251 (the usual culprit for Russian text), says so.
const invalidUtf8 = (bytes: Uint8Array): ContentError => {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const line = lineAt(lossy, Math.max(0, lossy.indexOf('\uFFFD')));
  const asCp1251 = new TextDecoder('windows-1251').decode(bytes);
  const cyrillic = (asCp1251.match(/[\u0400-\u04FF]/g) ?? []).length;
  const letters = (asCp1251.match(/\p{L}/gu) ?? []).length;
  const hint =
    letters > 0 && cyrillic / letters > 0.5
      ? ' (it reads as Windows-1251; convert it with `iconv -f windows-1251 -t utf-8`)'
      : '';
  return new ContentError(`not valid UTF-8${hint}`, line);
};
