import { type Door, type TestRef, ownNotifications } from './authorization-cases'

// Every server action in app/, with what decides who may use it and the tests that prove a
// refusal; checked like the route handlers (test/authorization-cases.ts).

const adminOnly: TestRef = { file: 'lib/users.data.test.ts', test: 'refuses anyone but an admin, changing nothing' }
const notesRefused: TestRef = { file: 'lib/notes.data.test.ts', test: 'lets writers write and resolve notes only on their own stories' }
const tagsRefused: TestRef = { file: 'lib/tags.data.test.ts', test: 'refuses writers everything, changing nothing' }
const sectionsRefused: TestRef = { file: 'lib/section-changes.data.test.ts', test: 'refuses anyone but an admin, changing nothing' }
const webhooksRefused: TestRef = { file: 'lib/webhooks/endpoints.data.test.ts', test: 'refuses anyone but an admin, changing nothing' }
const tokensRefused: TestRef = { file: 'lib/api-tokens/tokens.data.test.ts', test: 'refuses anyone but an admin, changing nothing' }
const commentsRefused: TestRef = {
  file: 'lib/comments.data.test.ts',
  test: 'keeps what only a writer of the story may write: a writer cannot comment on another’s story',
}
const correctionsRefused: TestRef = {
  file: 'lib/corrections.data.test.ts',
  test: 'refuses writers, stories never published, and empty or overlong text',
}

/** Keyed by file and exported function, e.g. `app/desk/media/actions.ts deleteImage`. */
export const serverActions: Record<string, Door> = {
  'app/desk/actions.ts signOutAction': {
    open: 'ends the caller’s own session',
    provedBy: [{ file: 'e2e/sign-in.spec.ts', test: 'signing out ends the session' }],
  },
  'app/desk/actions.ts markNewsSeen': {
    decidedBy: ['markDeskSeen'],
    provedBy: [{ file: 'lib/desk-news.data.test.ts', test: 'refuses to record a visit for an account disabled since signing in' }],
  },
  'app/desk/actions.ts markNewsShown': {
    decidedBy: ['markDeskSeen'],
    provedBy: [{ file: 'lib/desk-news.data.test.ts', test: 'refuses to record a visit for an account disabled since signing in' }],
  },
  'app/desk/admin/pages/actions.ts savePage': {
    decidedBy: ['saveSitePage'],
    provedBy: [{ file: 'lib/site-pages.data.test.ts', test: 'refuses anyone but an admin, changing nothing' }],
  },
  'app/desk/articles/[id]/embargo-actions.ts setEmbargoAction': {
    decidedBy: ['setEmbargo'],
    provedBy: [{ file: 'lib/embargo.data.test.ts', test: 'are set by editors only, in the future, on a story readers cannot see yet' }],
  },
  'app/desk/articles/[id]/embargo-actions.ts liftEmbargoAction': {
    decidedBy: ['liftEmbargo'],
    provedBy: [{ file: 'lib/embargo.data.test.ts', test: 'are set by editors only, in the future, on a story readers cannot see yet' }],
  },
  'app/desk/front/actions.ts pinAction': {
    decidedBy: ['pinOnFront'],
    provedBy: [{ file: 'lib/pins.data.test.ts', test: 'is refused to writers, changing nothing' }],
  },
  'app/desk/admin/tags/actions.ts renameTagAction': { decidedBy: ['renameTag'], provedBy: [tagsRefused] },
  'app/desk/admin/tags/actions.ts describeTagAction': { decidedBy: ['describeTag'], provedBy: [tagsRefused] },
  'app/desk/admin/tags/actions.ts mergeTagsAction': { decidedBy: ['mergeTags'], provedBy: [tagsRefused] },
  'app/desk/front/actions.ts pinInSectionAction': {
    decidedBy: ['pinInSection'],
    provedBy: [
      {
        file: 'app/(site)/section-pins.data.test.ts',
        test: 'refuses writers, and stories readers cannot see or filed elsewhere, changing nothing',
      },
    ],
  },
  'app/desk/admin/sections/actions.ts createSectionAction': { decidedBy: ['createSection'], provedBy: [sectionsRefused] },
  'app/desk/admin/sections/actions.ts changeSectionAction': { decidedBy: ['changeSection'], provedBy: [sectionsRefused] },
  'app/desk/admin/sections/actions.ts reorderSectionAction': { decidedBy: ['reorderSection'], provedBy: [sectionsRefused] },
  'app/desk/admin/sections/actions.ts retireSectionAction': { decidedBy: ['retireSection'], provedBy: [sectionsRefused] },
  'app/desk/admin/settings/actions.ts saveTimeZoneAction': {
    decidedBy: ['writeSetting'],
    provedBy: [
      { file: 'lib/settings.data.test.ts', test: 'is changed by admins only, to a real zone, and the change is in the audit log' },
    ],
  },
  'app/desk/admin/settings/actions.ts saveSuggestionDefaultAction': {
    decidedBy: ['writeSetting'],
    provedBy: [{ file: 'lib/settings.data.test.ts', test: 'is nobody until an admin chooses, and only one of the choices is taken' }],
  },
  'app/desk/admin/settings/actions.ts saveTrashRetentionAction': {
    decidedBy: ['writeSetting'],
    provedBy: [{ file: 'lib/settings.data.test.ts', test: 'is changed by admins only, to a whole number of days from 1 to 365' }],
  },
  'app/desk/admin/settings/actions.ts saveCheckSeveritiesAction': {
    decidedBy: ['writeSetting'],
    provedBy: [
      {
        file: 'lib/settings.data.test.ts',
        test: 'is the defaults until an admin chooses, is changed by admins only to Block or Warn, and is in the audit log',
      },
    ],
  },
  'app/desk/admin/settings/actions.ts savePublicationAction': {
    decidedBy: ['savePublication'],
    provedBy: [{ file: 'lib/publication.data.test.ts', test: 'is refused to editors and writers, changing nothing' }],
  },
  'app/desk/admin/webhooks/actions.ts createEndpointAction': { decidedBy: ['createEndpoint'], provedBy: [webhooksRefused] },
  'app/desk/admin/webhooks/actions.ts changeEndpointAction': { decidedBy: ['changeEndpoint'], provedBy: [webhooksRefused] },
  'app/desk/admin/webhooks/actions.ts rotateSecretAction': { decidedBy: ['rotateSecret'], provedBy: [webhooksRefused] },
  'app/desk/admin/webhooks/actions.ts deleteEndpointAction': { decidedBy: ['deleteEndpoint'], provedBy: [webhooksRefused] },
  'app/desk/admin/webhooks/actions.ts resendDeliveryAction': { decidedBy: ['resendDelivery'], provedBy: [webhooksRefused] },
  'app/desk/admin/webhooks/actions.ts savePrivateAddressesAction': { decidedBy: ['writeSetting'], provedBy: [webhooksRefused] },
  'app/desk/admin/tokens/actions.ts createTokenAction': { decidedBy: ['createApiToken'], provedBy: [tokensRefused] },
  'app/desk/admin/tokens/actions.ts revokeTokenAction': { decidedBy: ['revokeApiToken'], provedBy: [tokensRefused] },
  'app/desk/admin/users/actions.ts addPerson': { decidedBy: ['createUser'], provedBy: [adminOnly] },
  'app/desk/admin/users/actions.ts saveRole': { decidedBy: ['changeRole'], provedBy: [adminOnly] },
  'app/desk/admin/users/actions.ts saveSectionDesk': {
    decidedBy: ['setSectionDesk'],
    provedBy: [
      {
        file: 'lib/section-desks.data.test.ts',
        test: 'are given by admins only, to editors only, naming sections that exist; nothing changes otherwise',
      },
    ],
  },
  'app/desk/admin/users/actions.ts disableAccount': { decidedBy: ['setDisabled'], provedBy: [adminOnly] },
  'app/desk/admin/users/actions.ts enableAccount': { decidedBy: ['setDisabled'], provedBy: [adminOnly] },
  'app/desk/admin/users/actions.ts resetPasswordAction': { decidedBy: ['resetPassword'], provedBy: [adminOnly] },
  'app/desk/admin/users/actions.ts signOutPersonEverywhere': {
    decidedBy: ['endSessionsForAdmin'],
    provedBy: [{ file: 'lib/sessions.data.test.ts', test: 'an admin signs a person out everywhere; nobody else may' }],
  },
  'app/desk/notifications/actions.ts markAllReadAction': {
    open: 'marks the caller’s own notifications only',
    provedBy: [ownNotifications],
  },
  'app/desk/notifications/actions.ts openNotificationAction': {
    open: 'marks the caller’s own notification only',
    provedBy: [ownNotifications],
  },
  'app/desk/notifications/actions.ts savePreferencesAction': {
    open: 'changes the caller’s own preferences only',
    provedBy: [
      {
        file: 'lib/notification-inbox.data.test.ts',
        test: 'saves a person’s own preferences, hides kinds muted in the desk, and refuses an unknown choice, changing nothing',
      },
    ],
  },
  'app/desk/profile/actions.ts changePasswordAction': {
    decidedBy: ['changeOwnPassword'],
    provedBy: [
      {
        file: 'lib/sessions.data.test.ts',
        test: 'a password change needs the current password, and ends the other sessions but not this one',
      },
    ],
  },
  'app/desk/profile/actions.ts chooseTimeZoneAction': {
    open: 'changes the caller’s own time zone only',
    provedBy: [{ file: 'lib/settings.data.test.ts', test: 'wins over the newsroom’s, and an empty choice follows the newsroom again' }],
  },
  'app/desk/profile/actions.ts saveProfileAction': {
    decidedBy: ['saveProfile'],
    provedBy: [
      {
        file: 'lib/profiles.data.test.ts',
        test: 'lets people edit only their own profile, and admins anyone’s, changing nothing on a refusal',
      },
    ],
  },
  'app/desk/profile/actions.ts signOutEverywhereAction': {
    open: 'ends the caller’s own sessions only',
    provedBy: [{ file: 'lib/sessions.data.test.ts', test: '"sign out everywhere" ends every session of the person and nobody else’s' }],
  },
  'app/desk/articles/new/actions.ts startStory': {
    decidedBy: ['createArticle'],
    provedBy: [
      { file: 'lib/article-drafts.data.test.ts', test: 'refuses a person whose account was disabled since signing in, creating nothing' },
    ],
  },
  'app/desk/articles/[id]/history/actions.ts restoreRevisionAction': {
    decidedBy: ['restoreRevision'],
    provedBy: [
      {
        file: 'lib/revisions.data.test.ts',
        test: 'refuses a stale version, someone who may not edit, and a number the story does not have',
      },
    ],
  },
  'app/desk/articles/[id]/trash-actions.ts moveToTrashAction': {
    decidedBy: ['moveToTrash'],
    provedBy: [{ file: 'lib/trash.data.test.ts', test: 'lets whoever may edit the story put it in the trash, and nobody else' }],
  },
  'app/desk/articles/[id]/trash-actions.ts restoreFromTrashAction': {
    decidedBy: ['restoreFromTrash'],
    provedBy: [{ file: 'lib/trash.data.test.ts', test: 'is restored only by who may edit it, with its revisions, notes and history' }],
  },
  'app/desk/articles/[id]/duplicate-actions.ts duplicateStoryAction': {
    decidedBy: ['duplicateArticle'],
    provedBy: [
      {
        file: 'lib/article-duplicates.data.test.ts',
        test: 'refuses a story the person may not read, and an account disabled since signing in, creating nothing',
      },
    ],
  },
  'app/desk/articles/[id]/notes-actions.ts addNoteAction': { decidedBy: ['addNote'], provedBy: [notesRefused] },
  'app/desk/articles/[id]/notes-actions.ts resolveNoteAction': { decidedBy: ['setNoteResolved'], provedBy: [notesRefused] },
  'app/desk/articles/[id]/comments-actions.ts addCommentAction': { decidedBy: ['addNote'], provedBy: [commentsRefused] },
  'app/desk/articles/[id]/comments-actions.ts replyToCommentAction': { decidedBy: ['addNote'], provedBy: [commentsRefused] },
  'app/desk/articles/[id]/comments-actions.ts resolveCommentAction': { decidedBy: ['setNoteResolved'], provedBy: [notesRefused] },
  'app/desk/articles/[id]/corrections-actions.ts addCorrectionAction': { decidedBy: ['addCorrection'], provedBy: [correctionsRefused] },
  'app/desk/articles/[id]/corrections-actions.ts retractCorrectionAction': {
    decidedBy: ['retractCorrection'],
    provedBy: [
      {
        file: 'lib/corrections.data.test.ts',
        test: 'keeps a withdrawn correction on record and shows readers that it was withdrawn, and why',
      },
    ],
  },
  'app/desk/media/actions.ts saveMediaDetails': {
    decidedBy: ['updateMediaDetails'],
    provedBy: [
      { file: 'lib/media/library.data.test.ts', test: 'forbids a writer to edit another writer’s image, and lets editors and admins' },
    ],
  },
  'app/desk/media/actions.ts saveImageAltText': {
    decidedBy: ['updateMediaDetails'],
    provedBy: [
      { file: 'lib/media/library.data.test.ts', test: 'forbids a writer to edit another writer’s image, and lets editors and admins' },
    ],
  },
  'app/desk/media/actions.ts deleteImage': {
    decidedBy: ['deleteMedia'],
    provedBy: [{ file: 'lib/media/library.data.test.ts', test: 'forbids a writer to delete another writer’s image and lets an editor' }],
  },
}
