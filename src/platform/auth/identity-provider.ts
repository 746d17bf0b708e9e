// The seam for signing in through an authority's identity provider (OpenID Connect). Production
// deployments map the provider's subject claim to users.oidc_subject; roles stay in Kindred.
// Only local accounts are built so far: `identityProviderFromConfig` returns the local provider.

export interface IdentityProvider {
  /** `local` (email and password in Kindred) or `oidc` (the authority's provider). */
  kind: 'local' | 'oidc'
  /** Where the sign-in link sends the browser: Kindred's own form, or the provider's authorize URL. */
  signInUrl(returnTo: string): string
}

export const localIdentityProvider: IdentityProvider = {
  kind: 'local',
  signInUrl: (returnTo) => `/sign-in?${new URLSearchParams({ returnTo }).toString()}`,
}
