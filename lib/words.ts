// THE way the desk words counts and articles, so that no message says "1 open notes" or "a editor".

/** "1 note", "2 notes", "1 story", "1,204 stories": a count and its noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : plural}`
}

// Words whose first letter misleads: a vowel letter with a consonant sound, or a silent h.
const soundsLikeConsonant = /^(one|once|uni|use|usu|uti|eu|ewe)/i
const soundsLikeVowel = /^(hour|honest|honou?r|heir)/i

/** "a writer", "an editor", "an admin", "a user", "an hour": the word with the article it takes. */
export function withArticle(word: string): string {
  const isVowelSound = soundsLikeVowel.test(word) || (/^[aeiou]/i.test(word) && !soundsLikeConsonant.test(word))
  return `${isVowelSound ? 'an' : 'a'} ${word}`
}
