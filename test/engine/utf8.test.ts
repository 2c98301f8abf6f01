import { decodeUtf8, invalidUtf8Offset } from '../../lib/engine/utf8';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

describe('invalidUtf8Offset', () => {
  // The edges of each sequence length (RFC 3629, table 3-7 of the Unicode standard).
  test.each([
    ['empty', []],
    ['ASCII, NUL and DEL included', [0x00, 0x41, 0x7f]],
    ['the smallest and largest 2-byte sequences', [0xc2, 0x80, 0xdf, 0xbf]],
    ['the smallest 3-byte sequence (U+0800)', [0xe0, 0xa0, 0x80]],
    ['the last code point before the surrogates (U+D7FF)', [0xed, 0x9f, 0xbf]],
    ['the first code point after the surrogates (U+E000)', [0xee, 0x80, 0x80]],
    ['the largest 3-byte sequence (U+FFFF)', [0xef, 0xbf, 0xbf]],
    ['the smallest 4-byte sequence (U+10000)', [0xf0, 0x90, 0x80, 0x80]],
    ['the largest code point (U+10FFFF)', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['mixed lengths', [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x7a]],
  ])('valid: %s', (_, b) => {
    expect(invalidUtf8Offset(bytes(...b))).toBe(-1);
    expect(decodeUtf8(bytes(...b))).toBeDefined();
  });

  // Each invalid sequence after two ASCII bytes: the offset is the first byte of the bad sequence.
  test.each([
    ['a lone continuation byte', [0x80]],
    ['the last continuation byte', [0xbf]],
    ['an overlong 2-byte lead (C0)', [0xc0, 0x80]],
    ['an overlong 2-byte lead (C1)', [0xc1, 0xbf]],
    ['an overlong 3-byte sequence', [0xe0, 0x9f, 0xbf]],
    ['an overlong 4-byte sequence', [0xf0, 0x8f, 0xbf, 0xbf]],
    ['the first surrogate (U+D800)', [0xed, 0xa0, 0x80]],
    ['the last surrogate (U+DFFF)', [0xed, 0xbf, 0xbf]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['the lead byte F5', [0xf5, 0x80, 0x80, 0x80]],
    ['the byte FF', [0xff]],
    ['C1 before three continuation bytes (no 4-byte lead)', [0xc1, 0x80, 0x80, 0x80]],
    ['a continuation byte before three more (no 4-byte lead)', [0x81, 0x80, 0x80, 0x80]],
    ['a 2-byte sequence cut by the end', [0xc3]],
    ['a 3-byte sequence cut by the end', [0xe2, 0x82]],
    ['a 4-byte sequence cut by the end', [0xf0, 0x9f, 0x98]],
    ['a 2-byte sequence whose second byte is ASCII', [0xc3, 0x41]],
    ['a 3-byte sequence whose third byte is a lead byte', [0xe2, 0x82, 0xc3]],
    ['a 4-byte sequence whose last byte is ASCII', [0xf0, 0x9f, 0x98, 0x41]],
    ['a continuation byte with its top bits 11 (C0 mask)', [0xc3, 0xc0]],
  ])('invalid: %s', (_, b) => {
    const input = bytes(...ascii('ab'), ...b, ...ascii('cd'));
    expect(invalidUtf8Offset(input)).toBe(2);
    expect(decodeUtf8(input)).toBeUndefined();
  });

  test('the offset is that of the first bad sequence, after valid multi-byte ones', () => {
    // é (2 bytes), € (3 bytes), 😀 (4 bytes), then a lone continuation byte, then another bad byte.
    const input = bytes(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0xff);
    expect(invalidUtf8Offset(input)).toBe(9);
  });

  test('agrees with the platform decoder on every 1-byte input, every lead byte before each byte, and random longer inputs', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Collected and compared once: one expect per input would make this test slow.
    const disagreements: string[] = [];
    const check = (b: Uint8Array) => {
      const offset = invalidUtf8Offset(b);
      // -1 exactly when the decoder takes the bytes; else everything before the offset is UTF-8.
      const agrees = offset === -1 ? valid(b) : offset < b.length && !valid(b) && valid(b.subarray(0, offset));
      if (!agrees) disagreements.push(`${Buffer.from(b).toString('hex')}: ${offset}`);
    };
    const leads = [0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let a = 0; a < 256; a++) {
      check(bytes(a));
      for (const lead of leads) check(bytes(lead, a));
    }
    // A fixed linear congruential sequence: the same inputs on every run.
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    for (let n = 0; n < 1000; n++) {
      const length = 1 + (next() % 6);
      check(Uint8Array.from({ length }, () => (next() % 3 === 0 ? leads[next() % leads.length] : 0x80 | (next() % 64))));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('decodeUtf8', () => {
  test('decodes UTF-8 text', () => {
    expect(decodeUtf8(Buffer.from('héllo € 😀', 'utf8'))).toBe('héllo € 😀');
  });

  test('refuses Latin-1 text (caf\xe9)', () => {
    expect(decodeUtf8(bytes(0x63, 0x61, 0x66, 0xe9))).toBeUndefined();
  });
});
