export const CHANNELS = ['phone', 'chat', 'email', 'branch', 'app', 'social', 'sms', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Names staff and exports actually use for each channel. Keys are compared
 * after trimming and lower-casing, so 'Phone' and ' 电话 ' both resolve.
 */
const ALIASES: Readonly<Record<string, Channel>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Channel>, {
    phone: 'phone', call: 'phone', voice: 'phone', hotline: 'phone', 'call-centre': 'phone', 'call-center': 'phone',
    电话: 'phone', 热线: 'phone', 来电: 'phone', 呼叫中心: 'phone', 客服电话: 'phone', 電話: 'phone',
    chat: 'chat', 'live-chat': 'chat', livechat: 'chat', webchat: 'chat', online: 'chat', im: 'chat',
    在线: 'chat', 在线客服: 'chat', 网聊: 'chat', 在線: 'chat', 在线聊天: 'chat',
    email: 'email', 'e-mail': 'email', mail: 'email', 邮件: 'email', 电子邮件: 'email', 郵件: 'email',
    branch: 'branch', store: 'branch', counter: 'branch', 'in-person': 'branch', outlet: 'branch',
    网点: 'branch', 营业厅: 'branch', 门店: 'branch', 柜台: 'branch', 柜面: 'branch', 網點: 'branch', 营业网点: 'branch',
    app: 'app', mobile: 'app', 'mobile-app': 'app', 应用: 'app', 手机银行: 'app', 手机app: 'app', 客户端: 'app',
    social: 'social', 'social-media': 'social', weibo: 'social', twitter: 'social', x: 'social', wechat: 'social', 微信: 'social', douyin: 'social',
    社交媒体: 'social', 微博: 'social', 社交: 'social', 抖音: 'social', 小红书: 'social', 社群: 'social', 社交媒體: 'social',
    sms: 'sms', text: 'sms', 'text-message': 'sms', 短信: 'sms', 簡訊: 'sms', 短訊: 'sms',
    other: 'other', 其他: 'other', 其它: 'other',
  }),
);

export function resolveChannel(name: string): Channel | undefined {
  const direct = ALIASES[name];
  if (direct !== undefined) return direct;
  return ALIASES[name.trim().toLowerCase()];
}

export const CHANNEL_ALIASES: ReadonlyArray<string> = Object.keys(ALIASES);

/** How people name each channel in reasons an agent reads. */
export const CHANNEL_LABELS: Readonly<Record<Channel, { zh: string; en: string }>> = {
  phone: { zh: '电话', en: 'phone' },
  chat: { zh: '在线客服', en: 'online chat' },
  email: { zh: '邮件', en: 'email' },
  branch: { zh: '网点', en: 'branch' },
  app: { zh: 'App', en: 'app' },
  social: { zh: '社交媒体', en: 'social media' },
  sms: { zh: '短信', en: 'SMS' },
  other: { zh: '其他渠道', en: 'other channel' },
};
