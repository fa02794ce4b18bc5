import { describe, expect, it } from 'vitest'
import { deskLine, emailFrequencies, kindNames, mailBody, mentionedSlugs, notificationKinds } from './notification-kinds'

const text = { actor: 'Amira Haddad', headline: 'Harbour reopens', detail: {} }

describe('the notification kinds', () => {
  it('says who is told of each kind, with a label, a desk line and a subject', () => {
    expect(Object.fromEntries(kindNames.map((kind) => [kind, notificationKinds[kind].audience]))).toEqual({
      submitted: 'sectionEditors',
      changesRequested: 'owners',
      published: 'owners',
      corrected: 'owners',
      mentioned: 'named',
      replied: 'named',
    })
    for (const kind of kindNames) {
      const rule = notificationKinds[kind]
      expect(rule.label).not.toBe('')
      expect(rule.desk(text)).toContain('“Harbour reopens”')
      expect(rule.subject(text)).toContain('Harbour reopens')
    }
    expect(emailFrequencies).toEqual(['now', 'daily', 'off'])
  })

  it('quotes the note and names an update note as such', () => {
    expect(deskLine('changesRequested', { ...text, detail: { note: 'Name the source.' } })).toBe(
      'Amira Haddad asked for changes to “Harbour reopens”: Name the source.',
    )
    expect(deskLine('corrected', { ...text, detail: { correctionKind: 'update' } })).toBe(
      'Amira Haddad added an update note to “Harbour reopens”.',
    )
    expect(deskLine('submitted', { ...text, headline: '' })).toBe('Amira Haddad submitted “Untitled story” for review.')
    expect(deskLine('retired-kind', text)).toBe('Amira Haddad did something on “Harbour reopens”.')
  })

  it('writes a plain e-mail body with the link to the story', () => {
    expect(mailBody('published', text, 'https://news.example/desk/articles/7')).toBe(
      'Amira Haddad published “Harbour reopens”.\n\nOpen the story: https://news.example/desk/articles/7\n\n' +
        'Change what you are told on your profile page in the desk.\n',
    )
  })
})

describe('mentions in a note', () => {
  it('finds each @slug once, in order, in any case', () => {
    expect(mentionedSlugs('@tomas-ferreira and @Amira-Haddad, then @tomas-ferreira again.')).toEqual(['tomas-ferreira', 'amira-haddad'])
    expect(mentionedSlugs('(@editor)')).toEqual(['editor'])
  })

  it('does not take an e-mail address, a trailing hyphen or a bare @ for a mention', () => {
    expect(mentionedSlugs('write to desk@example.org or @ the desk')).toEqual([])
    expect(mentionedSlugs('@night-desk- is')).toEqual(['night-desk'])
    expect(mentionedSlugs('no mentions here')).toEqual([])
  })
})
