// Every route handler and server action in app/, with what decides who may use it and the tests
// that prove a refusal. test/authorization-coverage.test.ts fails when one is missing here, when
// the source no longer calls the named door, or when a cited test is gone: the way WordPress's
// capability tests fail when a capability has no row.

/** A test by its file and its exact title. */
export type TestRef = { file: string; test: string }

export type Door =
  /** `decidedBy` is called in the handler's file; it (through `authorize`) refuses, proven by `provedBy`. */
  | { decidedBy: readonly string[]; provedBy: readonly TestRef[] }
  /** Open to everyone, for the reason given; `provedBy` shows it gives away nothing it should not. */
  | { open: string; provedBy: readonly TestRef[] }

const authorizeTests = {
  file: 'lib/authorize.data.test.ts',
  test: 'refuses an account disabled since signing in, and one that no longer exists',
}
const routeStatuses = (test: string): TestRef => ({ file: 'e2e/authorization.spec.ts', test })
const readersSeeOnlyPublished: TestRef = {
  file: 'app/(site)/story-lifecycle.data.test.ts',
  test: 'leaves drafts, stories in review, scheduled stories and unpublished edits off every list, feed and sitemap',
}
const publicPage = (what: string): Door => ({ open: `the reader's ${what}: published stories only`, provedBy: [readersSeeOnlyPublished] })

const notificationsUnreadable: TestRef = {
  file: 'lib/notification-inbox.data.test.ts',
  test: 'shows nothing about a story the person may no longer read',
}
const ownNotifications: TestRef = {
  file: 'lib/notification-inbox.data.test.ts',
  test: 'lists a person’s own notifications, newest first, and marks one or all read, never someone else’s',
}

/** Keyed by file and exported method, e.g. `app/desk/media/upload/route.ts POST`. */
export const routeHandlers: Record<string, Door> = {
  'app/(site)/[[...path]]/route.ts GET': publicPage('home, sections and stories'),
  'app/(site)/authors/[slug]/[[...page]]/route.ts GET': {
    open: "the reader's author pages: published stories only",
    provedBy: [
      { file: 'app/(site)/story-lifecycle.data.test.ts', test: 'has no page for a tag or an author known only from unpublished work' },
    ],
  },
  'app/(site)/tags/[slug]/[[...page]]/route.ts GET': {
    open: "the reader's tag pages: published stories only",
    provedBy: [
      { file: 'app/(site)/story-lifecycle.data.test.ts', test: 'has no page for a tag or an author known only from unpublished work' },
    ],
  },
  'app/(site)/corrections/[[...page]]/route.ts GET': {
    open: "the reader's corrections: of live stories only",
    provedBy: [{ file: 'lib/corrections.data.test.ts', test: 'shows no corrections of a story readers cannot see' }],
  },
  'app/(site)/feed.xml/[[...rest]]/route.ts GET': publicPage('feed'),
  'app/(site)/sitemap.xml/[[...rest]]/route.ts GET': publicPage('sitemap'),
  'app/(site)/news-sitemap.xml/[[...rest]]/route.ts GET': publicPage('news sitemap'),
  'app/(site)/robots.txt/[[...rest]]/route.ts GET': {
    open: 'robots.txt: names no story',
    provedBy: [readersSeeOnlyPublished],
  },
  'app/(site)/search/route.ts GET': {
    open: "the reader's search: published stories only",
    provedBy: [
      {
        file: 'lib/search.data.test.ts',
        test: 'never shows drafts, stories on their way, scheduled or unpublished stories, or unpublished changes',
      },
    ],
  },
  'app/media/[...key]/route.ts GET': {
    // Public for an image a published story shows; otherwise only to who may see it.
    decidedBy: ['isPublicMedia', 'maySeePrivateMedia'],
    provedBy: [
      { file: 'lib/media/keys.test.ts', test: 'refuses parent directories, absolute paths, backslashes, control characters and odd names' },
      { file: 'lib/media/uses.data.test.ts', test: 'its uploader, editors and admins, and writers of a story using it; no other writer' },
      {
        file: 'e2e/private-media.spec.ts',
        test: 'a draft’s image is served only to who may see it, public once published, private again once unpublished',
      },
    ],
  },
  'app/api/auth/[...nextauth]/route.ts GET': {
    open: 'Auth.js: signing in and out',
    provedBy: [{ file: 'e2e/sign-in.spec.ts', test: 'a wrong password shows one generic error and starts no session' }],
  },
  'app/api/auth/[...nextauth]/route.ts POST': {
    open: 'Auth.js: signing in and out',
    provedBy: [{ file: 'e2e/sign-in.spec.ts', test: 'a script signs in through the Auth.js routes with a CSRF token' }],
  },
  'app/desk/articles/[id]/revisions/route.ts POST': {
    decidedBy: ['authorizeRequest', 'saveArticle'],
    provedBy: [
      {
        file: 'lib/article-editing.data.test.ts',
        test: 'lets a writer edit their own draft, but not someone else’s, nor their own once it is in review',
      },
      routeStatuses('a writer saving another writer’s story is refused with 403, a missing story 404, a garbled save 422'),
    ],
  },
  'app/desk/articles/[id]/workflow/route.ts POST': {
    decidedBy: ['authorizeRequest', 'transition'],
    provedBy: [
      {
        file: 'lib/transitions.data.test.ts',
        test: 're-reads the actor’s role: a demoted or disabled editor is refused whatever the session says',
      },
      routeStatuses('a writer publishing is refused with 403, a stale version 409, a bad request 422'),
    ],
  },
  'app/desk/articles/[id]/presence/route.ts POST': {
    decidedBy: ['authorizeRequest', 'recordPresence'],
    provedBy: [
      { file: 'lib/presence.data.test.ts', test: 'refuses an account disabled since signing in, recording nothing' },
      { file: 'lib/presence.data.test.ts', test: 'tells nobody who has another writer’s draft open, and does not list them there' },
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
    ],
  },
  'app/desk/articles/[id]/presence/route.ts DELETE': {
    decidedBy: ['authorizeRequest', 'leavePresence'],
    provedBy: [authorizeTests, routeStatuses('every desk route answers 401 to a session that no longer opens the desk')],
  },
  'app/desk/articles/[id]/events/route.ts GET': {
    decidedBy: ['authorizeRequest', 'mayReadStory'],
    provedBy: [
      authorizeTests,
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
      routeStatuses('a writer asking for the events of another writer’s draft, or of no story, gets 404'),
      { file: 'lib/article-access.data.test.ts', test: 'a draft: its creator, the editors and admins, not another writer' },
    ],
  },
  'app/desk/notifications/events/route.ts GET': {
    decidedBy: ['authorizeRequest', 'notificationEventStream'],
    provedBy: [
      authorizeTests,
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
      notificationsUnreadable,
    ],
  },
  'app/desk/articles/[id]/preview/route.ts GET': {
    decidedBy: ['authorizeRequest', 'mayReadStory'],
    provedBy: [
      authorizeTests,
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
      { file: 'lib/article-access.data.test.ts', test: 'a draft: its creator, the editors and admins, not another writer' },
      {
        file: 'e2e/reading.spec.ts',
        test: 'a writer opening another writer’s draft, its history or its preview by id gets the not-found page, with no headline anywhere',
      },
    ],
  },
  'app/desk/articles/new/from-draft/route.ts POST': {
    decidedBy: ['authorizeRequest', 'createArticle', 'saveArticle'],
    provedBy: [
      { file: 'lib/article-drafts.data.test.ts', test: 'refuses a person whose account was disabled since signing in, creating nothing' },
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
    ],
  },
  'app/desk/media/options/route.ts GET': {
    decidedBy: ['authorizeRequest', 'searchMediaOptions'],
    provedBy: [
      authorizeTests,
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
      {
        file: 'lib/media/options.data.test.ts',
        test: 'show a writer another writer’s upload only once a story the writer may read uses it',
      },
    ],
  },
  'app/desk/media/upload/route.ts POST': {
    decidedBy: ['authorizeRequest', 'acceptUpload'],
    provedBy: [
      { file: 'lib/media/upload.data.test.ts', test: 'refuses an account disabled since signing in before processing anything' },
      {
        file: 'lib/media/upload.data.test.ts',
        test: 'refuses an account disabled while its image was processed, leaving no file and no row',
      },
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
    ],
  },
}

const adminOnly: TestRef = { file: 'lib/users.data.test.ts', test: 'refuses anyone but an admin, changing nothing' }
const notesRefused: TestRef = { file: 'lib/notes.data.test.ts', test: 'lets writers write and resolve notes only on their own stories' }
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
  'app/desk/admin/settings/actions.ts saveTimeZoneAction': {
    decidedBy: ['writeSetting'],
    provedBy: [
      { file: 'lib/settings.data.test.ts', test: 'is changed by admins only, to a real zone, and the change is in the audit log' },
    ],
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
