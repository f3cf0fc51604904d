import { createApp } from 'vue'
import { createRouter, createWebHashHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import Catalog from './views/Catalog.vue'
import MyApplications from './views/MyApplications.vue'
import MyLicenses from './views/MyLicenses.vue'
import Workbench from './views/Workbench.vue'
import Verify from './views/Verify.vue'
import WindowIntake from './views/WindowIntake.vue'
import MyDataUses from './views/MyDataUses.vue'
import Supervision from './views/Supervision.vue'
import Inbox from './views/Inbox.vue'
import { i18n } from './i18n.js'
import { initAuth } from './auth.js'

// the router is created after the login round trip, so it starts from the route the visitor came for (restored by
// initAuth), not from the bare origin Keycloak redirects back to
initAuth()
  .catch((error) => console.error('login service unavailable', error))
  .finally(() => {
    const router = createRouter({
      history: createWebHashHistory(),
      routes: [
        { path: '/', component: Catalog },
        { path: '/applications', component: MyApplications },
        { path: '/licenses', component: MyLicenses },
        { path: '/workbench', component: Workbench },
        { path: '/verify', component: Verify },
        { path: '/window', component: WindowIntake },
        { path: '/data-uses', component: MyDataUses },
        { path: '/supervision', component: Supervision },
        { path: '/inbox', component: Inbox }
      ]
    })
    createApp(App).use(router).use(i18n).use(ElementPlus).mount('#app')
  })
