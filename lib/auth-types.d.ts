import 'next-auth'

declare module 'next-auth' {
  interface User {
    /** The account's session epoch when it signed in; see users.session_epoch. */
    epoch?: number
  }
  interface Session {
    epoch: number
  }
}
