import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanLine, cleanText, cutText, isWithin, maxUnitsPerCharacter, textField, textLength, wellFormed } from './clean-text'

const family = '👩‍👩‍👧‍👦'
const flag = '🇳🇴'
const scotland = '🏴󠁧󠁢󠁳󠁣󠁴󠁿'
const accented = 'e\u0301'

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/** Any UTF-16 string: lone surrogates, NUL and every control included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 400 })
/** Text made of whole characters people type: letters, accents, emoji sequences, flags. */
const pieces = ['a', 'Z', ' ', 'é', accented, 'ß', '日本', family, flag, scotland, '😀', '\u0915\u094d\u0937', 'ﬁ']
const typedText = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(''))

describe('cleaning a text', () => {
  it('drops NUL and other control characters, and turns line breaks into spaces in a single line', () => {
    expect(cleanText('Harbour\u0000 re\u0007opens\u0085')).toBe('Harbour reopens ')
    expect(cleanText('one\r\ntwo\tthree\u2028four')).toBe('one two three four')
    expect(cleanText('\u0080C1\u009f')).toBe('C1')
  })

  it('joins lines with one space, however many breaks and spaces are between them', () => {
    expect(cleanText('one \n\n  two\r\n\u2028three\n')).toBe('one two three ')
    expect(cleanText('\n one')).toBe(' one')
  })

  it('cleans a long run of spaces quickly', () => {
    const started = performance.now()
    expect(cleanText(`${' '.repeat(200_000)}x`)).toHaveLength(200_001)
    expect(cleanText(`${' \u0000'.repeat(100_000)}x`, { multiline: true })).toHaveLength(100_001)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('keeps line breaks (as \\n) and tabs where the field has lines', () => {
    expect(cleanText('one\r\ntwo\rthree\u2029four\tfive\u0000', { multiline: true })).toBe('one\ntwo\nthree\nfour\tfive')
  })

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanText(`a\ud83d b\ude00 ${family}`)).toBe(`a\ufffd b\ufffd ${family}`)
    expect(wellFormed('/x\ud800.png\u0000')).toBe('/x\ufffd.png\u0000')
  })

  it('stores letters composed (NFC)', () => {
    expect(cleanText(accented)).toBe('é')
  })

  it('leaves no control character or lone surrogate, whatever it is given, and is idempotent', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, multiline) => {
        const cleaned = cleanText(text, { multiline })
        expect(cleaned).not.toMatch(multiline ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/ : /\p{Cc}/u)
        expect(cleaned).not.toMatch(loneSurrogate)
        expect(cleanText(cleaned, { multiline })).toBe(cleaned)
        // Valid UTF-8 both ways: what PostgreSQL stores is what comes back.
        expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new TextEncoder().encode(cleaned))).toBe(cleaned)
      }),
      { numRuns: 300 },
    )
  })
})

describe('counting and cutting', () => {
  it('counts what a person sees as one character: an emoji sequence, a flag, a letter with its accent', () => {
    expect(textLength(`${family}${flag}${scotland}${accented}x`)).toBe(5)
    expect(textLength('ab\r\ncd')).toBe(5)
  })

  it('cuts before an emoji rather than through it', () => {
    expect(cutText(`${'a'.repeat(9)}😀😀`, 10)).toBe(`${'a'.repeat(9)}😀`)
    expect(cutText(`${'a'.repeat(9)}${family}`, 9)).toBe('a'.repeat(9))
    expect(cutText(`${'a'.repeat(9)}${accented}b`, 10)).toBe(`${'a'.repeat(9)}${accented}`)
    expect(cleanLine(`  ${'b'.repeat(299)}${flag}${flag}  `, 300)).toBe(`${'b'.repeat(299)}${flag}`)
  })

  it('counts a character with a thousand stacked accents as many, so no limit can be passed with one', () => {
    const zalgo = `a${'\u0301'.repeat(1000)}`
    expect(textLength(zalgo)).toBe(Math.ceil(zalgo.length / maxUnitsPerCharacter))
    expect(isWithin(zalgo, 10)).toBe(false)
    expect(cutText(zalgo, 10).length).toBeLessThanOrEqual(10 * maxUnitsPerCharacter)
  })

  it('counts long texts quickly', () => {
    const long = `${family}é`.repeat(50_000)
    const started = performance.now()
    expect(textLength(long)).toBe(100_000)
    expect(isWithin('x'.repeat(1024 * 1024), 10_000)).toBe(false)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('never splits a character or a surrogate pair, and keeps within the limit', () => {
    fc.assert(
      fc.property(fc.oneof(typedText, anyText), fc.integer({ min: 0, max: 300 }), (raw, max) => {
        const text = cleanText(raw)
        const cut = cutText(text, max)
        expect(text.startsWith(cut)).toBe(true)
        expect(cut).not.toMatch(loneSurrogate)
        expect(textLength(cut)).toBeLessThanOrEqual(max)
        expect(isWithin(cut, max)).toBe(true)
        // The cut falls between two characters: the rest is the text's remaining characters.
        expect(textLength(cut) + textLength(text.slice(cut.length))).toBe(textLength(text))
        if (isWithin(text, max)) expect(cut).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('counts long texts in pieces exactly as in one go', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 100, maxLength: 400 }), (parts) => {
        const text = parts.join('')
        expect(textLength(text)).toBe([...segmenter.segment(text)].length)
      }),
      { numRuns: 50 },
    )
  })
})

describe('a text field', () => {
  const headline = textField({ max: 10, tooLong: 'Keep it under 10 characters.', required: 'Write one.' })

  it('saves the cleaned, trimmed text', () => {
    expect(headline.parse(' Har\u0000bour\n ')).toBe('Harbour')
  })

  it('refuses only what cleaning cannot settle: too long, or nothing left when required', () => {
    expect(headline.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('Keep it under 10 characters.')
    expect(headline.safeParse('\u0000\u0001 ').error?.issues[0]?.message).toBe('Write one.')
    expect(headline.safeParse('😀'.repeat(10)).success).toBe(true)
  })
})
