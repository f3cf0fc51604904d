import Keycloak from 'keycloak-js'
import { reactive } from 'vue'

// One login for citizens, enterprises and staff (统一身份认证): Keycloak realm "gov", public client "portal",
// authorization code + PKCE S256. Tokens are kept in memory only.
export const session = reactive({ authenticated: false, name: '', roles: [], department: null })

let keycloak

export async function initAuth() {
  // the login round trip lands on the bare origin: remember where the user was and go back there afterwards
  if (!new URLSearchParams(window.location.search).has('state')) {
    sessionStorage.setItem('yiwang.route', window.location.hash || '#/')
  }
  const config = await (await fetch('/portal-config.json')).json()
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId })
  // the portal routes with the URL fragment, so Keycloak answers in the query string, to the bare origin
  // (OIDC redirect URIs carry no fragment); keycloak-js removes the answer from the URL afterwards
  try {
    const authenticated = await keycloak.init({
      onLoad: 'check-sso',
      pkceMethod: 'S256',
      checkLoginIframe: false,
      responseMode: 'query',
      redirectUri: window.location.origin + '/'
    })
    update(authenticated)
  } finally {
    // back where the visitor was (e.g. a verification link from a licence's QR code), logged in or not
    const route = sessionStorage.getItem('yiwang.route')
    if (route && (window.location.hash === '' || window.location.hash === '#/')) {
      window.history.replaceState(null, '', window.location.pathname + route)
    }
  }
  keycloak.onTokenExpired = () => keycloak.updateToken(30).catch(() => update(false))
}

function update(authenticated) {
  session.authenticated = authenticated
  const parsed = authenticated ? keycloak.tokenParsed : {}
  session.name = parsed.name || parsed.preferred_username || ''
  session.roles = parsed.realm_access?.roles || []
  session.department = parsed.department || null
}

export const hasRole = (...roles) => roles.some((role) => session.roles.includes(role))
export const login = () => keycloak.login({ redirectUri: window.location.origin + '/' })
export const logout = () => keycloak.logout({ redirectUri: window.location.origin + '/' })

/** Calls the API through the gateway; problem details (RFC 9457) become errors with their detail. */
export async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) }
  if (session.authenticated) {
    await keycloak.updateToken(30)
    headers.Authorization = `Bearer ${keycloak.token}`
  }
  if (options.body && typeof options.body !== 'string' && !(options.body instanceof FormData)) {
    headers['Content-Type'] = 'application/json'
    options = { ...options, body: JSON.stringify(options.body) }
  }
  const response = await fetch(`/api/v1${path}`, { ...options, headers })
  const text = await response.text()
  const body = text ? JSON.parse(text) : null
  if (!response.ok) {
    const error = new Error(body?.detail || `${response.status}`)
    error.problem = body
    throw error
  }
  return body
}

let myEnterprises

/** The enterprises the user may act for (legal representative or authorised agent), from identity-service. */
export async function enterprises() {
  if (!session.authenticated || !hasRole('citizen', 'enterprise-agent')) return []
  if (!myEnterprises) {
    try {
      myEnterprises = (await api('/identity/me')).enterprises || []
    } catch (e) {
      return []
    }
  }
  return myEnterprises
}
