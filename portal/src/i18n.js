import { createI18n } from 'vue-i18n'

const messages = {
  'zh-CN': {
    brand: '一网通办',
    nav: { catalog: '办事指南', applications: '我的办件', licenses: '我的证照', workbench: '审批工作台', verify: '证照核验', window: '一窗受理', dataUses: '谁用了我的数据', supervision: '效能监察', inbox: '消息' },
    login: '登录', logout: '退出', welcome: '您好，{name}',
    catalog: {
      title: '政务服务事项', code: '事项编码', name: '事项名称', department: '实施部门', type: '事项类型',
      promised: '承诺时限（工作日）', legal: '法定时限（工作日）', apply: '在线申请', loginToApply: '登录后申请',
      applied: '已提交申请，办件号 {id}', asMyself: '以个人名义申请', demo: '演示数据', search: '搜索事项或一件事，如：饭店、营业执照'
    },
    applications: {
      title: '我的办件', id: '办件号', status: '状态', submittedAt: '提交时间', item: '事项', case: '子件',
      licenseNumber: '证照编号', empty: '暂无办件',
      materials: '申请材料', material: '材料', source: '来源', providedBy: '提供方', materialStatus: '状态',
      useLicense: '使用证照', onlyWhen: '（{condition}时提供）', chooseLicense: '选择电子证照', upload: '上传', uploaded: '已上传',
      sources: { UPLOAD: '申请人上传', E_LICENSE: '电子证照', SHARED_DATA: '数据共享（免提交）' },
      requirement: { OUTSTANDING: '待提供', PREFILL_PENDING: '正在向部门共享获取', UPLOAD_NEEDED: '需上传', AWAITING_LICENSE: '待前置事项发证', SATISFIED: '已提供' },
      prefill: { PENDING: '正在为您共享获取材料…', DONE: '共享材料已获取', GAVE_UP: '部分材料暂无法共享获取，请上传' }
    },
    licenses: { title: '我的电子证照', number: '证照编号', type: '证照名称', issuer: '发证部门', validUntil: '有效期至', status: '状态', empty: '暂无证照', unlimited: '长期', verify: '核验', mine: '我的证照（个人）', uses: '使用记录', usesTitle: '证照使用记录', usedBy: '使用人', noUses: '暂无使用记录' },
    workbench: { title: '审批工作台', applicant: '申请人', accept: '受理', accepted: '已受理', approveTitle: '办结·准予', licenseDataHint: '证照记载事项（将写入电子证照，可不填）', businessScope: '经营范围', premisesAddress: '经营场所', confirmApprove: '确认准予', cancel: '取消', content: '内容', noMaterials: '暂无材料', approve: '准予', deny: '不予', reason: '不予许可理由', approved: '已办结（准予）', denied: '已办结（不予）', empty: '暂无待办件' },
    status: { WAITING: '待前置办结', SUBMITTED: '已提交', ACCEPTED: '已受理', UNDER_REVIEW: '审查中', CORRECTION_REQUESTED: '待补正', SUPPLEMENTED: '已补正', SPECIAL_PROCEDURE: '特别程序', APPROVED: '准予', DENIED: '不予', REJECTED: '不予受理', WITHDRAWN: '已撤回', TERMINATED: '已终止', IN_PROGRESS: '办理中', WAITING_FOR_APPLICANT: '待申请人补正', CONCLUDED: '已办结', OVERTURNED: '准予已撤销', VALID: '有效', SUSPENDED: '中止', REVOKED: '撤销', EXPIRED: '过期' },
    verify: {
      title: '电子证照核验', hint: '粘贴电子证照二维码内容（YW1: 开头）或签名凭证，核验真伪与状态，无需登录。',
      placeholder: 'YW1:… 或 eyJ…', check: '核验', valid: '证照有效', invalid: '证照无效',
      number: '证照编号', name: '证照名称', issuer: '发证部门', validUntil: '有效期至',
      reasons: { MALFORMED: '不是有效的电子证照格式', UNKNOWN_KEY: '签名密钥未知', BAD_SIGNATURE: '签名无效（伪造）', TAMPERED: '内容被篡改', WRONG_ISSUER: '签发部门不符', NOT_YET_VALID: '尚未生效', EXPIRED: '已过期', SUSPENDED: '已中止', REVOKED: '已撤销', STATUS_UNKNOWN: '状态无法确认' }
    },
    window: {
      title: '一窗受理', identify: '核验身份', chooseItem: '选择事项', scan: '扫描材料', idNumber: '身份证号',
      lookUp: '查询', name: '姓名', assurance: '实名等级', item: '事项', search: '搜索', submit: '代为申请',
      submitted: '已受理申请，办件号 {id}；请扫描申请人携带的纸质材料', next: '下一位'
    },
    dataUses: {
      title: '谁用了我的数据', hint: '政府部门每次通过数据共享平台读取您的数据，都会在此留下记录：谁、何时、读取了什么、用于什么目的、依据什么规定。',
      at: '时间', user: '使用部门', data: '数据（提供部门 · 资源）', fields: '字段', purpose: '用途', legalBasis: '依据',
      result: '结果', empty: '暂无使用记录', mine: '我本人的数据',
      results: { GRANTED: '已读取', NO_GRANT: '未获授权', PURPOSE_MISMATCH: '用途不符', NOT_FOUND: '未查到', PROVIDER_UNAVAILABLE: '暂不可用' }
    },
    supervision: {
      title: '效能监察', overdue: '超期督办', figures: '办理效能', department: '部门', days: '已用/承诺（法定）工作日',
      escalatedAt: '督办时间', noOverdue: '暂无超期件', noFigures: '暂无办结件', concluded: '办结数', onTime: '按时办结率',
      daysUsed: '平均用时/承诺', corrections: '件均补正', visits: '件均跑动', zeroVisits: '零跑动率'
    },
    inbox: { title: '消息中心', unreadOnly: '只看未读', empty: '暂无消息', markRead: '标为已读' },
    error: '操作失败'
  },
  en: {
    brand: 'Yiwang Gov Services',
    nav: { catalog: 'Services', applications: 'My applications', licenses: 'My licences', workbench: 'Workbench', verify: 'Verify a licence', window: 'Service window', dataUses: 'Who used my data', supervision: 'Supervision', inbox: 'Messages' },
    login: 'Log in', logout: 'Log out', welcome: 'Hello, {name}',
    catalog: {
      title: 'Government service items', code: 'Item code', name: 'Item', department: 'Department', type: 'Type',
      promised: 'Promised (working days)', legal: 'Legal limit (working days)', apply: 'Apply online', loginToApply: 'Log in to apply',
      applied: 'Application submitted: {id}', asMyself: 'Apply for myself', demo: 'demo data', search: 'Search services, e.g. restaurant, business licence'
    },
    applications: {
      title: 'My applications', id: 'Application', status: 'Status', submittedAt: 'Submitted', item: 'Item', case: 'Case',
      licenseNumber: 'Licence number', empty: 'No applications yet',
      materials: 'Materials', material: 'Material', source: 'Source', providedBy: 'Provided by', materialStatus: 'Status',
      useLicense: 'Use licence', onlyWhen: '(only {condition})', chooseLicense: 'Choose an e-licence', upload: 'Upload', uploaded: 'Uploaded',
      sources: { UPLOAD: 'Uploaded by you', E_LICENSE: 'E-licence', SHARED_DATA: 'Shared data (nothing to submit)' },
      requirement: { OUTSTANDING: 'To provide', PREFILL_PENDING: 'Being fetched from the department', UPLOAD_NEEDED: 'Please upload', AWAITING_LICENSE: 'Issued by an earlier case', SATISFIED: 'Provided' },
      prefill: { PENDING: 'Fetching shared materials for you…', DONE: 'Shared materials fetched', GAVE_UP: 'Some materials could not be fetched; please upload them' }
    },
    licenses: { title: 'My e-licences', number: 'Number', type: 'Licence', issuer: 'Issued by', validUntil: 'Valid until', status: 'Status', empty: 'No licences yet', unlimited: 'unlimited', verify: 'Verify', mine: 'My own licences', uses: 'Uses', usesTitle: 'Who used this licence', usedBy: 'Used by', noUses: 'No uses yet' },
    workbench: { title: 'Workbench', applicant: 'Applicant', accept: 'Accept', accepted: 'Accepted', approveTitle: 'Approve', licenseDataHint: 'What the e-licence states (optional)', businessScope: 'Business scope', premisesAddress: 'Premises', confirmApprove: 'Approve', cancel: 'Cancel', content: 'Content', noMaterials: 'No materials', approve: 'Approve', deny: 'Deny', reason: 'Reason for denial', approved: 'Concluded (approved)', denied: 'Concluded (denied)', empty: 'Nothing to decide' },
    status: { WAITING: 'Waiting for a prior case', SUBMITTED: 'Submitted', ACCEPTED: 'Accepted', UNDER_REVIEW: 'Under review', CORRECTION_REQUESTED: 'Correction requested', SUPPLEMENTED: 'Supplemented', SPECIAL_PROCEDURE: 'Special procedure', APPROVED: 'Approved', DENIED: 'Denied', REJECTED: 'Rejected at intake', WITHDRAWN: 'Withdrawn', TERMINATED: 'Terminated', IN_PROGRESS: 'In progress', WAITING_FOR_APPLICANT: 'Waiting for the applicant', CONCLUDED: 'Concluded', OVERTURNED: 'Approval set aside', VALID: 'Valid', SUSPENDED: 'Suspended', REVOKED: 'Revoked', EXPIRED: 'Expired' },
    verify: {
      title: 'Verify an e-licence', hint: 'Paste the QR content (starting YW1:) or the signed credential to check it is genuine and in force. No login needed.',
      placeholder: 'YW1:… or eyJ…', check: 'Verify', valid: 'Valid licence', invalid: 'Not valid',
      number: 'Number', name: 'Licence', issuer: 'Issued by', validUntil: 'Valid until',
      reasons: { MALFORMED: 'Not an e-licence', UNKNOWN_KEY: 'Unknown signing key', BAD_SIGNATURE: 'Bad signature (forged)', TAMPERED: 'Content altered', WRONG_ISSUER: 'Wrong issuer', NOT_YET_VALID: 'Not yet valid', EXPIRED: 'Expired', SUSPENDED: 'Suspended', REVOKED: 'Revoked', STATUS_UNKNOWN: 'Status cannot be confirmed' }
    },
    window: {
      title: 'Service window', identify: 'Identify', chooseItem: 'Choose the item', scan: 'Scan materials', idNumber: 'ID number',
      lookUp: 'Look up', name: 'Name', assurance: 'Assurance', item: 'Item', search: 'Search', submit: 'Submit for applicant',
      submitted: 'Application {id} submitted; scan the paper the applicant brought', next: 'Next applicant'
    },
    dataUses: {
      title: 'Who used my data', hint: 'Every time a department reads your data through the data-sharing exchange it is recorded here: who, when, what, for what purpose, on which legal basis.',
      at: 'When', user: 'Department', data: 'Data (provider · resource)', fields: 'Fields', purpose: 'Purpose', legalBasis: 'Legal basis',
      result: 'Result', empty: 'No uses yet', mine: 'My own data',
      results: { GRANTED: 'Read', NO_GRANT: 'Refused: no grant', PURPOSE_MISMATCH: 'Refused: purpose', NOT_FOUND: 'Not found', PROVIDER_UNAVAILABLE: 'Unavailable' }
    },
    supervision: {
      title: 'Supervision', overdue: 'Overdue cases', figures: 'Figures', department: 'Dept', days: 'Used / promised (legal) days',
      escalatedAt: 'Escalated', noOverdue: 'No overdue cases', noFigures: 'No concluded cases', concluded: 'Concluded', onTime: 'On time',
      daysUsed: 'Avg days / promised', corrections: 'Corrections', visits: 'Visits', zeroVisits: 'No visit'
    },
    inbox: { title: 'Messages', unreadOnly: 'Unread only', empty: 'No messages', markRead: 'Mark as read' },
    error: 'Something went wrong'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: localStorage.getItem('locale') || 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages
})
