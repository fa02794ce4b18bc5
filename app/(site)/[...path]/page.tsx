import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { getDb } from '@/db'
import { StoryView } from '@/components/article/story-view'
import { listCorrections } from '@/lib/corrections'
import { getPublicStory } from '@/lib/public-articles'

type StoryPageProps = { params: Promise<{ path: string[] }> }

async function load(params: StoryPageProps['params']) {
  await connection()
  const { path } = await params
  return getPublicStory(getDb(), path.map((segment) => decodeURIComponent(segment)))
}

export async function generateMetadata({ params }: StoryPageProps): Promise<Metadata> {
  const story = await load(params)
  return story ? { title: story.headline, description: story.standfirst, alternates: { canonical: story.path } } : {}
}

export default async function PublicStoryPage({ params }: StoryPageProps) {
  const story = await load(params)
  if (!story) notFound()
  const corrections = await listCorrections(getDb(), story.id)
  return (
    <main className="page">
      <StoryView story={story} corrections={corrections} />
    </main>
  )
}
