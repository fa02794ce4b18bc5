import type { SitePageSlug } from '@/lib/site-pages'

/**
 * The demo newsroom's standing pages (lib/site-pages.ts): a fictional newsroom's own words, with
 * addresses on the reserved `.test` domain. A real newsroom writes its own at /desk/admin/pages.
 */
export const demoSitePages: { slug: SitePageSlug; title: string; body: string }[] = [
  {
    slug: 'about',
    title: 'About us',
    body: `Copydesk is a small independent newsroom covering coasts, cities and the public money that runs them. Our reporters work from four regions and file to one desk, where every story is read by an editor before it is published.

We are owned by Copydesk Media, a company limited by guarantee with no shareholders. We take no money from political parties, and no advertiser sees a story before readers do.

Margit Ilves is the managing editor. Daniel Achterberg edits foreign news; Priya Raman edits politics and opinion.`,
  },
  {
    slug: 'contact',
    title: 'Contact',
    body: `News tips: tips@copydesk.test. Tell us what you know and how you know it; we will not name you without your agreement.

Corrections: corrections@copydesk.test, or write to the managing editor at the address below. Please give the story's headline and what you believe is wrong.

Letters and opinion pieces: opinion@copydesk.test. We read everything and reply to what we publish.

Post: Copydesk, 14 Quay Street, Harbourside, Marsa Halim.`,
  },
  {
    slug: 'corrections-policy',
    title: 'Corrections policy',
    body: `When we get a fact wrong we correct it, say so at the foot of the story, and list the correction on our corrections page. We do not quietly change what we published.

A correction fixes an error of fact. An update adds something new: a reply that arrived after publication, a later figure, a development. Each is dated.

Spelling slips and broken links are fixed without a note, provided they change nothing of substance.

We remove a story only when keeping it would put someone in danger or a court orders it. Its address then says that it was removed.

To report an error, write to corrections@copydesk.test. The managing editor answers every report within two working days.`,
  },
  {
    slug: 'ethics',
    title: 'Ethics policy',
    body: `We check before we publish. A claim we cannot confirm with a document, a recording or a second source is attributed to whoever made it, or left out.

We give people we write about a fair chance to answer before publication, and we say when they declined.

We name anonymous sources only to the editor; we grant anonymity when a source would risk their safety or livelihood by speaking, and we say why in the story.

Staff do not accept gifts, free travel or payment from people they cover. We declare any interest that a reader might think affects a story.

Photographs show what the camera saw. We crop for size, never to change the meaning, and we do not alter the content of news pictures.`,
  },
  {
    slug: 'terms',
    title: 'Terms of use',
    body: `You may read, print and share links to anything on this site. Quoting a short passage with a link to the story is welcome.

Republishing a whole story, photograph or graphic needs our written permission; write to rights@copydesk.test. Some photographs belong to agencies, whose credit appears beside them.

We take care that what we publish is accurate, but the site is provided as it is, and we are not responsible for the content of other sites we link to.

These terms are governed by the law of the place where Copydesk Media is registered.`,
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    body: `Reading this site does not require an account, and we set no cookies for readers. We run no advertising trackers and no third-party analytics.

Our servers keep ordinary request logs (the address asked for, the time, and your network address) for fourteen days, to keep the site running and to investigate abuse. Then they are deleted.

If you write to us, we keep your message for as long as we need it to answer and to keep a record of our reporting. We never pass it on without your agreement, unless the law requires it.

To ask what we hold about you, or to have it deleted, write to privacy@copydesk.test.`,
  },
]
