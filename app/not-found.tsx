import Link from 'next/link'

export default function NotFound() {
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address, or you may not see it.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  )
}
