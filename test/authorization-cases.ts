// Every route handler in app/ (server actions: test/authorization-actions.ts), with what decides who may use it and the tests
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

const contentApiTests = 'test/content-api.data.test.ts'
const contentApi = (what: string): Door => ({
  open: `the Content API's ${what}: what the reader's site shows, published stories only`,
  provedBy: [
    {
      file: contentApiTests,
      test: 'gives only what readers see: no draft, story in review, scheduled, embargoed or unpublished story, no note, no e-mail address',
    },
  ],
})

const tokenTests = 'lib/content-api/tokens-api.data.test.ts'
const tokenRefusals: TestRef = { file: tokenTests, test: 'refuses an unknown, revoked or expired token with a 401 in JSON' }
const withToken = (test: string): Door => ({ decidedBy: ['tokenAnswer'], provedBy: [tokenRefusals, { file: tokenTests, test }] })
const tokenWrite = (test: string): Door => ({
  decidedBy: ['authenticateTokenRequest'],
  provedBy: [tokenRefusals, { file: tokenTests, test }],
})

const notificationsUnreadable: TestRef = {
  file: 'lib/notification-inbox.data.test.ts',
  test: 'shows nothing about a story the person may no longer read',
}
export const ownNotifications: TestRef = {
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
  'app/api/v1/[[...rest]]/route.ts GET': {
    open: 'the Content API: a 404 for an address it does not have',
    provedBy: [{ file: contentApiTests, test: 'answers an address it does not have with a 404 in its error shape' }],
  },
  'app/api/v1/authors/route.ts GET': contentApi('authors'),
  'app/api/v1/drafts/route.ts GET': withToken('shows a token limited to a section only the stories of that section and those under it'),
  'app/api/v1/drafts/route.ts POST': tokenWrite(
    'creates a draft with write:drafts through the desk’s rules, attributed to the token’s maker, never published',
  ),
  'app/api/v1/drafts/[id]/route.ts GET': withToken('reads the newest draft with read:drafts only, its version as the ETag'),
  'app/api/v1/drafts/[id]/route.ts PATCH': tokenWrite(
    'updates a draft only with If-Match on its version: 428 without, 412 when stale; a published story keeps what readers see',
  ),
  'app/api/v1/webhooks/deliveries/route.ts GET': withToken('reads the webhook delivery log only with the webhooks scope'),
  'app/api/v1/corrections/route.ts GET': contentApi('corrections'),
  'app/api/v1/openapi.json/route.ts GET': {
    open: 'the Content API’s description: no data',
    provedBy: [{ file: 'lib/content-api/openapi.data.test.ts', test: 'describes every answer the endpoints really give' }],
  },
  'app/api/v1/sections/route.ts GET': contentApi('section tree'),
  'app/api/v1/stories/[id]/route.ts GET': contentApi('stories'),
  'app/api/v1/stories/by-path/route.ts GET': contentApi('stories'),
  'app/api/v1/stories/route.ts GET': contentApi('stories'),
  'app/api/v1/tags/route.ts GET': contentApi('tags'),
  'app/api/auth/[...nextauth]/route.ts GET': {
    open: 'Auth.js: signing in and out',
    provedBy: [{ file: 'e2e/sign-in.spec.ts', test: 'a wrong password shows one generic error and starts no session' }],
  },
  'app/api/auth/[...nextauth]/route.ts POST': {
    open: 'Auth.js: signing in and out',
    provedBy: [{ file: 'e2e/sign-in.spec.ts', test: 'a script signs in through the Auth.js routes with a CSRF token' }],
  },
  'app/desk/articles/[id]/revisions/route.ts POST': {
    // saveStoryForm (lib/collab/form-saves.ts) adds the shared text's contributors and calls saveArticle.
    decidedBy: ['authorizeRequest', 'saveStoryForm'],
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
  'app/desk/articles/[id]/collab-ticket/route.ts POST': {
    decidedBy: ['authorizeRequest', 'issueCollabTicket'],
    provedBy: [
      { file: 'lib/collab/access.data.test.ts', test: 'issues a ticket for the story only to someone who may open it' },
      { file: 'lib/collab/access.data.test.ts', test: 'refuses an ended session, a disabled account and a session of someone else' },
      { file: 'e2e/writing-together.spec.ts', test: 'refuses an anonymous connection and a ticket request without a session' },
      routeStatuses('every desk route answers 401 to a session that no longer opens the desk'),
    ],
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
    decidedBy: ['authorizeRequest', 'createArticleFromDraft'],
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
