// Browser test of the portal against a running platform: a citizen logs in through Keycloak (code + PKCE),
// applies for a seeded item, the officer of its department approves it in the workbench, and the citizen
// finds the e-licence in the wallet. Run by the end-to-end suite (PortalBrowserTest); needs Debian chromium.
//   GATEWAY_URL=http://localhost:18080 DEMO_USER_PASSWORD=... SCREENSHOTS=dir node tests/e2e.mjs
import { chromium } from 'playwright-core'

const base = process.env.GATEWAY_URL || 'http://localhost:8080'
const password = process.env.DEMO_USER_PASSWORD
const screenshots = process.env.SCREENSHOTS || '.'
const item = '44030000SCJG-XK-0001'
if (!password) throw new Error('DEMO_USER_PASSWORD is required')

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})

async function loginAs(page, username) {
  await page.goto(`${base}/#/`)
  await page.click('[data-test=login]')
  await page.waitForSelector('#username', { timeout: 30000 })
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('#kc-login')
  await page.waitForSelector('[data-test=welcome]', { timeout: 30000 })
}

try {
  // citizen: browse (public), log in, apply
  const citizen = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await citizen.goto(`${base}/#/`)
  await citizen.waitForSelector('[data-test=catalog-table] >> text=市场监督管理局', { timeout: 30000 })
  await loginAs(citizen, 'zhangsan')
  const welcome = await citizen.textContent('[data-test=welcome]')
  if (!welcome.includes('张三')) throw new Error(`unexpected greeting: ${welcome}`)
  // find the item the way a citizen would: search in Chinese, with a typo (许课 for 许可)
  const search = citizen.getByPlaceholder('搜索事项或一件事')
  await search.fill('食品经营许课')
  await search.press('Enter')
  await citizen.waitForSelector(`text=${item}`, { timeout: 15000 })
  await citizen.locator('tr', { hasText: item }).getByRole('button', { name: '在线申请' }).click()
  await citizen.waitForSelector('text=已提交申请', { timeout: 15000 })
  await citizen.goto(`${base}/#/applications`)
  await citizen.waitForSelector('[data-test=applications-table] >> text=办理中', { timeout: 15000 })
  // 免提交: the ID material comes from the population registry by itself; the citizen sees it was 公安局's data
  let prefilled = false
  for (let attempt = 0; attempt < 20 && !prefilled; attempt++) {
    await citizen.goto(`${base}/#/`)
    await citizen.goto(`${base}/#/applications`)
    await citizen.waitForSelector('[data-test=applications-table] .el-table__expand-icon', { timeout: 15000 })
    await citizen.locator('[data-test=applications-table] .el-table__expand-icon').first().click()
    await citizen.waitForSelector('[data-test=requirements-table]', { timeout: 15000 })
    prefilled = (await citizen.locator('[data-test=requirements-table] >> text=公安局').count()) > 0
    if (!prefilled) await citizen.waitForTimeout(1000)
  }
  await citizen.screenshot({ path: `${screenshots}/portal-citizen-applications.png`, fullPage: true })
  if (!prefilled) throw new Error('the shared-data material was not shown as provided by 公安局')

  // officer of 市场监管 (SCJG): the workbench shows the case; approve it
  const officer = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await loginAs(officer, 'officer-scjg')
  await officer.goto(`${base}/#/workbench`)
  const row = officer.locator('[data-test=cases-table] tr', { hasText: '张三' }).filter({ hasText: '已提交' }).first()
  await row.waitFor({ timeout: 15000 })
  // the officer sees where each material came from, e.g. the population registry's data supplied by 公安局
  await row.locator('.el-table__expand-icon').click()
  await officer.waitForSelector('[data-test=case-materials] >> text=公安局', { timeout: 15000 })
  // approves, stating what the licence says
  await row.getByRole('button', { name: '准予' }).click()
  await officer.fill('input[data-test=business-scope], [data-test=business-scope] input', '热食类食品制售')
  await officer.click('[data-test=confirm-approve]')
  await officer.waitForSelector('text=已办结（准予）', { timeout: 15000 })
  await officer.screenshot({ path: `${screenshots}/portal-officer-workbench.png`, fullPage: true })

  // citizen: the licence arrives in the wallet (license-service consumed the approval over Kafka)
  let found = false
  for (let attempt = 0; attempt < 20 && !found; attempt++) {
    await citizen.goto(`${base}/#/`)
    await citizen.goto(`${base}/#/licenses`)
    await citizen.waitForSelector('[data-test=licenses-table]', { timeout: 15000 })
    found = (await citizen.locator('[data-test=licenses-table] >> text=食品经营许可证').count()) > 0
    if (!found) await citizen.waitForTimeout(1000)
  }
  await citizen.screenshot({ path: `${screenshots}/portal-citizen-licenses.png`, fullPage: true })
  if (!found) throw new Error('the licence did not appear in the wallet')

  // 消息中心: the applicant was told that the ID material was fetched from 公安局, and that the licence was issued
  await citizen.goto(`${base}/#/inbox`)
  await citizen.waitForSelector('[data-test=inbox-message] >> text=已由公安局共享提供', { timeout: 15000 })
  await citizen.waitForSelector('[data-test=inbox-message] >> text=电子证照已签发', { timeout: 15000 })
  await citizen.screenshot({ path: `${screenshots}/portal-citizen-inbox.png`, fullPage: true })

  // 谁用了我的数据: the population registry read for the application is in the citizen's own data-use log
  await citizen.goto(`${base}/#/data-uses`)
  await citizen.waitForSelector('[data-test=data-uses-table] >> text=GA-POPULATION', { timeout: 15000 })
  await citizen.screenshot({ path: `${screenshots}/portal-citizen-data-uses.png`, fullPage: true })
  await citizen.goto(`${base}/#/licenses`)
  await citizen.waitForSelector('[data-test=licenses-table] >> text=食品经营许可证', { timeout: 15000 })

  // the licence checked as a third party would: its QR content on the public verification page
  await citizen.locator('[data-test=licenses-table] tr', { hasText: '食品经营许可证' }).filter({ hasText: '有效' }).first()
    .getByRole('button', { name: '核验' }).click()
  await citizen.waitForSelector('[data-test=verify-result] >> text=证照有效', { timeout: 15000 })
  await citizen.screenshot({ path: `${screenshots}/portal-verify-valid.png`, fullPage: true })
  // anyone, without logging in: a forged one is refused with its reason
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await visitor.goto(`${base}/#/verify`)
  await visitor.fill('[data-test=verify-input] textarea', 'YW1:this-is-not-a-licence')
  await visitor.click('[data-test=verify-button]')
  await visitor.waitForSelector('[data-test=verify-result] >> text=证照无效', { timeout: 15000 })
  await visitor.waitForSelector('[data-test=verify-reason] >> text=MALFORMED', { timeout: 5000 })
  await visitor.screenshot({ path: `${screenshots}/portal-verify-invalid.png`, fullPage: true })
  // 一窗受理: the window clerk identifies 李四 by ID card, submits for her and scans the paper she brought
  const clerk = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await loginAs(clerk, 'clerk-window')
  await clerk.goto(`${base}/#/window`)
  await clerk.fill('input[data-test=window-id-number], [data-test=window-id-number] input', '440304198511212348')
  await clerk.click('[data-test=window-identify]')
  await clerk.waitForSelector('[data-test=window-person] >> text=李四', { timeout: 15000 })
  await clerk.fill('input[data-test=window-search], [data-test=window-search] input', '食品经营许可')
  await clerk.keyboard.press('Enter')
  await clerk.locator('[data-test=window-items] tr', { hasText: item }).getByRole('button', { name: '代为申请' }).click()
  await clerk.waitForSelector('[data-test=window-submitted]', { timeout: 15000 })
  await clerk.locator('[data-test=window-requirements] input[type=file]').first().setInputFiles({
    name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% scanned at the window\n')
  })
  await clerk.waitForSelector('text=已上传', { timeout: 15000 })
  await clerk.screenshot({ path: `${screenshots}/portal-window-intake.png`, fullPage: true })
  // 效能监察: the supervisor sees the figures of the concluded food-licence cases, visits included
  const supervisor = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await loginAs(supervisor, 'supervisor')
  await supervisor.goto(`${base}/#/supervision`)
  await supervisor.getByRole('tab', { name: '办理效能' }).click()
  await supervisor.waitForSelector('[data-test=figures-table] >> text=食品经营许可（餐饮服务）', { timeout: 15000 })
  await supervisor.screenshot({ path: `${screenshots}/portal-supervision.png`, fullPage: true })
  console.log('portal e2e: 1 passed, 0 failed')
} finally {
  await browser.close()
}
