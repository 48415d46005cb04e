/** HTML escaping for text placed in feed markup, by the same escaper hono/jsx uses for pages. */
import { escapeToBuffer, type StringBuffer } from 'hono/utils/html';

export const escapeHtml = (text: string): string => {
  const buffer: StringBuffer = [''];
  escapeToBuffer(text, buffer);
  return buffer[0] as string;
};
