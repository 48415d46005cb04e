import { describe, expect, it } from 'vitest';
import { typeset, typesetRussian } from '../../src/pages/typeset.ts';

describe('typesetRussian', () => {
  it('binds short words to the next word and dashes to the word before', () => {
    expect(typesetRussian('Мишустин в понедельник и в Кремле – это рекорд')).toBe(
      'Мишустин в\u00a0понедельник и\u00a0в\u00a0Кремле\u00a0– это рекорд',
    );
    expect(typesetRussian('<p>В январе</p>')).toBe('<p>В\u00a0январе</p>');
    expect(typesetRussian('<a href="/a b">на <b>x</b></a>')).toBe('<a href="/a b">на <b>x</b></a>');
    expect(typeset('a to b – c', 'en')).toBe('a to b – c');
  });
});
