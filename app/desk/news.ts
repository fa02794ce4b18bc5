import 'server-only'
import { cache } from 'react'
import { getDb } from '@/db'
import { getDeskNews } from '@/lib/desk-news'
import { requireCapability } from '@/lib/session'

/** What changed on my stories, read once per request: the desk bar's badge and the desk page share it. */
export const getMyDeskNews = cache(async () => getDeskNews(getDb(), await requireCapability('desk.enter')))
