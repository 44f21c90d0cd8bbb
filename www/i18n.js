// The console's own words (labels, buttons, steps, statuses), in both languages. Validation
// messages are not here: they come from eipkit in the chosen locale. Text set with `live` is
// rendered again when the language changes, so nothing stays in the language it was shown in.

const STRINGS = {
  en: {
    pageTitle: "eipkit console",
    title: "Elastic Public IPs",
    subtitle: "A demo console built on eipkit, against a local EIP API emulator.",
    language: "Language",
    region: "Region",
    createHeading: "Create an EIP and bind it to a server",
    target: "Server",
    server: "Server",
    billing: "Billing",
    payPerUse: "Pay per use",
    prepaid: "Prepaid (yearly/monthly)",
    eip: "EIP",
    type: "Line type",
    ipVersion: "IP version",
    alias: "Name",
    enterpriseProject: "Enterprise project ID",
    bandwidth: "Bandwidth",
    shareType: "Bandwidth type",
    sharedBandwidthId: "Shared bandwidth ID",
    bandwidthName: "Bandwidth name",
    size: "Size (Mbit/s)",
    chargeMode: "Billed by",
    prepaidTerms: "Prepaid terms",
    periodType: "Period",
    periodNum: "Number of periods",
    autoRenew: "Renew automatically",
    autoPay: "Pay from the account balance",
    submit: "Create and bind",
    cancel: "Cancel",
    progressHeading: "Progress",
    eipsHeading: "EIPs",
    colAddress: "Address",
    colStatus: "Status",
    colName: "Name",
    colPort: "Bound to",
    colBandwidth: "Bandwidth",
    colActions: "Actions",
    noEips: "No EIPs yet.",
    bind: "Bind",
    unbind: "Unbind",
    toIpv6: "Convert to IPv6",
    delete: "Delete",
    bindTo: "Port to bind",
    default: "(default)",
    "opt.PER": "Dedicated (PER)",
    "opt.WHOLE": "Shared (WHOLE)",
    "opt.bandwidth": "Bandwidth",
    "opt.traffic": "Traffic",
    "opt.month": "Month",
    "opt.year": "Year",
    "opt.5_bgp": "Dynamic BGP (5_bgp)",
    "opt.5_sbgp": "Static BGP (5_sbgp)",
    "opt.5_telcom": "China Telecom (5_telcom)",
    "opt.5_union": "China Unicom (5_union)",
    "opt.4": "IPv4",
    "opt.6": "IPv6",
    range: (min, max) => `${min}–${max}`,
    sizeHint: (bands) => `step ${bands.map(([step, upTo]) => `${step} up to ${upTo}`).join(", ")}`,
    lengthHint: (min, max) => `${min}–${max} characters`,
    fixErrors: (n) => (n === 1 ? "1 field needs attention." : `${n} fields need attention.`),
    running: "Working…",
    succeeded: (address) => `Done: ${address} is bound and ACTIVE.`,
    failed: (message) => `Failed: ${message}`,
    cleanedUp: "Cleanup",
    leftBehind: "Left behind",
    "step.listPorts": "List the server's ports",
    "step.choosePort": "Choose a port",
    "step.create": "Create the EIP",
    "step.waitCreated": "Wait until it is ready (DOWN)",
    "step.bind": "Bind it to the port",
    "step.waitBound": "Wait until it is bound (ACTIVE)",
    "step.cleanup": "Clean up",
    "step.done": "Done",
    "reason.primary": "primary interface",
    "reason.only": "the only port",
    "reason.given": "as chosen",
    request: "request",
  },
  "zh-CN": {
    pageTitle: "eipkit 控制台",
    title: "弹性公网IP",
    subtitle: "基于 eipkit 的演示控制台，连接本地 EIP API 模拟器。",
    language: "语言",
    region: "区域",
    createHeading: "申请弹性公网IP并绑定到云服务器",
    target: "云服务器",
    server: "云服务器",
    billing: "计费模式",
    payPerUse: "按需计费",
    prepaid: "包年/包月",
    eip: "弹性公网IP",
    type: "线路类型",
    ipVersion: "IP版本",
    alias: "名称",
    enterpriseProject: "企业项目ID",
    bandwidth: "带宽",
    shareType: "带宽类型",
    sharedBandwidthId: "共享带宽ID",
    bandwidthName: "带宽名称",
    size: "带宽大小（Mbit/s）",
    chargeMode: "计费方式",
    prepaidTerms: "包周期",
    periodType: "周期类型",
    periodNum: "周期数",
    autoRenew: "自动续费",
    autoPay: "自动支付",
    submit: "申请并绑定",
    cancel: "取消",
    progressHeading: "进度",
    eipsHeading: "弹性公网IP列表",
    colAddress: "地址",
    colStatus: "状态",
    colName: "名称",
    colPort: "绑定端口",
    colBandwidth: "带宽",
    colActions: "操作",
    noEips: "暂无弹性公网IP。",
    bind: "绑定",
    unbind: "解绑",
    toIpv6: "转换为IPv6",
    delete: "释放",
    bindTo: "绑定的端口",
    default: "（默认）",
    "opt.PER": "独享（PER）",
    "opt.WHOLE": "共享（WHOLE）",
    "opt.bandwidth": "按带宽",
    "opt.traffic": "按流量",
    "opt.month": "月",
    "opt.year": "年",
    "opt.5_bgp": "全动态BGP（5_bgp）",
    "opt.5_sbgp": "静态BGP（5_sbgp）",
    "opt.5_telcom": "电信（5_telcom）",
    "opt.5_union": "联通（5_union）",
    "opt.4": "IPv4",
    "opt.6": "IPv6",
    range: (min, max) => `${min}–${max}`,
    sizeHint: (bands) => `步长：${bands.map(([step, upTo]) => `${upTo} 以内为 ${step}`).join("，")}`,
    lengthHint: (min, max) => `${min}–${max} 个字符`,
    fixErrors: (n) => `有 ${n} 个字段需要修改。`,
    // An EIP's status: the service's word, with the console's name for it.
    "status.ACTIVE": "已绑定（ACTIVE）",
    "status.DOWN": "未绑定（DOWN）",
    "status.PENDING_CREATE": "创建中（PENDING_CREATE）",
    "status.BINDING": "绑定中（BINDING）",
    "status.PENDING_UPDATE": "更新中（PENDING_UPDATE）",
    "status.PENDING_DELETE": "释放中（PENDING_DELETE）",
    "status.NOTIFYING": "通知中（NOTIFYING）",
    "status.NOTIFY_DELETE": "通知释放中（NOTIFY_DELETE）",
    "status.BIND_ERROR": "绑定失败（BIND_ERROR）",
    "status.ERROR": "故障（ERROR）",
    "status.FREEZED": "已冻结（FREEZED）",
    "status.ELB": "已绑定负载均衡（ELB）",
    "status.VPN": "已绑定VPN（VPN）",
    running: "处理中…",
    succeeded: (address) => `完成：${address} 已绑定（ACTIVE）。`,
    failed: (message) => `失败：${message}`,
    cleanedUp: "清理",
    leftBehind: "遗留资源",
    "step.listPorts": "查询云服务器网卡",
    "step.choosePort": "选择网卡",
    "step.create": "申请弹性公网IP",
    "step.waitCreated": "等待就绪（DOWN）",
    "step.bind": "绑定网卡",
    "step.waitBound": "等待绑定完成（ACTIVE）",
    "step.cleanup": "清理",
    "step.done": "完成",
    "reason.primary": "主网卡",
    "reason.only": "唯一网卡",
    "reason.given": "指定网卡",
    request: "请求",
  },
};

let locale = "en";
/** Elements whose text `live` set, and how to render it. */
const rendered = new Map();

export function setLocale(tag) {
  locale = tag in STRINGS ? tag : "en";
  document.documentElement.lang = locale;
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const [element, render] of rendered) {
    if (element.isConnected) element.textContent = render();
    else rendered.delete(element);
  }
}

/** Sets `element`'s text to `render()`, now and again whenever the language changes. */
export function live(element, render) {
  rendered.set(element, render);
  element.textContent = render();
}

/** An EIP status as shown: the service's word, named in the language when it has a name there. */
export function statusText(status) {
  return STRINGS[locale][`status.${status}`] ?? status;
}

export function getLocale() {
  return locale;
}

/** The string for `key` in the current locale (a function for strings with values). */
export function t(key, ...values) {
  const entry = STRINGS[locale][key] ?? STRINGS.en[key] ?? key;
  return typeof entry === "function" ? entry(...values) : entry;
}
