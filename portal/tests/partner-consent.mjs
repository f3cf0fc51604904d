// A partner channel app (支付宝+政务 style) acts for a user only after the user consents in Keycloak: the user
// logs in through the partner's authorization request, sees the consent screen for "partner:applications",
// accepts; the partner exchanges the code (client secret + PKCE) and applies for the user through the gateway.
// A user who declines gives the partner nothing.
//   GATEWAY_URL KEYCLOAK_URL DEMO_USER_PASSWORD PARTNER_APP_SECRET node tests/partner-consent.mjs
import { createHash, randomBytes } from 'node:crypto'
import { chromium } from 'playwright-core'

const gateway = process.env.GATEWAY_URL
const keycloak = process.env.KEYCLOAK_URL
const password = process.env.DEMO_USER_PASSWORD
const secret = process.env.PARTNER_APP_SECRET
const redirect = `${gateway}/partner-callback`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})

async function authorize(username, accept) {
  const verifier = randomBytes(32).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const state = randomBytes(8).toString('hex')
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  const url = `${keycloak}/realms/gov/protocol/openid-connect/auth?client_id=partner-alipay&response_type=code` +
    `&scope=${encodeURIComponent('openid partner:applications')}&redirect_uri=${encodeURIComponent(redirect)}` +
    `&state=${state}&code_challenge=${challenge}&code_challenge_method=S256`
  await page.goto(url)
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('#kc-login')
  await page.waitForSelector('#kc-oauth', { timeout: 30000 }) // the consent screen
  const consentText = await page.textContent('#kc-oauth')
  if (!consentText.includes('代您提交和查询政务服务办件')) throw new Error(`consent screen lacks the scope: ${consentText}`)
  await page.waitForTimeout(300)
  const landed = page.waitForURL((u) => u.toString().startsWith(redirect), { timeout: 30000 })
  await page.click(accept ? '#kc-login' : '#kc-cancel')
  await landed
  const back = new URL(page.url())
  if (back.searchParams.get('state') !== state) throw new Error('state mismatch')
  return { code: back.searchParams.get('code'), error: back.searchParams.get('error'), verifier }
}

try {
  // lisi consents: the partner gets a token for lisi, limited to the consented scope
  const granted = await authorize('lisi', true)
  if (!granted.code) throw new Error(`no code after consent: ${granted.error}`)
  const tokenResponse = await fetch(`${keycloak}/realms/gov/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'partner-alipay', client_secret: secret,
      code: granted.code, redirect_uri: redirect, code_verifier: granted.verifier })
  })
  const token = (await tokenResponse.json()).access_token
  if (!token) throw new Error(`code exchange failed: ${tokenResponse.status}`)
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
  if (claims.azp !== 'partner-alipay' || claims.preferred_username !== 'lisi' || !claims.scope.includes('partner:applications')) {
    throw new Error(`unexpected partner token: ${JSON.stringify(claims)}`)
  }
  const applied = await fetch(`${gateway}/api/v1/applications`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ itemCode: '44030000SCJG-XK-0001' })
  })
  const application = await applied.json()
  if (applied.status !== 201 || application.channel !== 'PARTNER_APP') {
    throw new Error(`partner application refused: ${applied.status} ${JSON.stringify(application)}`)
  }
  // the consented scope opens applications only: not the user's licences
  const licences = await fetch(`${gateway}/api/v1/licenses`, { headers: { Authorization: `Bearer ${token}` } })
  if (licences.status !== 403) throw new Error(`partner read licences without consent: ${licences.status}`)

  // zhangsan declines: no code, nothing for the partner
  const declined = await authorize('zhangsan', false)
  if (declined.code || declined.error !== 'access_denied') throw new Error(`decline not honoured: ${JSON.stringify(declined)}`)
  console.log('partner consent e2e: 1 passed, 0 failed')
} finally {
  await browser.close()
}
