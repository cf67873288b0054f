/**
 * Every label the page shows, in both languages. Reasons and evidence come
 * from the library's results; only the page's own words live here.
 */
export type Lang = 'zh' | 'en';

const STRINGS = {
  subtitle: {
    zh: '粘贴客户的话，实时查看投诉风险、原因和原话证据',
    en: "Paste what a customer said and watch the complaint risk, its reasons and the words behind them",
  },
  privacy: { zh: '全部在本页内计算，不发送任何数据', en: 'Everything runs in this page; nothing is sent anywhere' },
  language: { zh: '语言', en: 'Language' },
  inputHeading: { zh: '交互', en: 'Interaction' },
  example: { zh: '示例', en: 'Example' },
  examplePick: { zh: '选择一个示例…', en: 'Pick an example…' },
  groupInteractions: { zh: '单次交互（fixtures/interactions.jsonl）', en: 'Interactions (fixtures/interactions.jsonl)' },
  groupConversations: { zh: '完整对话（fixtures/conversations.json）', en: 'Whole conversations (fixtures/conversations.json)' },
  text: { zh: '客户的话', en: "Customer's words" },
  textHint: {
    zh: '中文、英文或混合均可。粘贴对话记录时，每行以“客户：”或“坐席：”开头（也可用 customer: / agent:），可在行首加 [时间]。',
    en: 'Chinese, English or mixed. To paste a transcript, start each line with "customer:" or "agent:" (or 客户： / 坐席：), optionally after a [time].',
  },
  textPlaceholder: {
    zh: '例如：我已经打了三次电话了，到现在还没解决，再不处理我就去投诉！',
    en: "e.g. This is the third time I've called and it's still not fixed. I want to speak to a manager!",
  },
  turnsRead: { zh: '按对话记录读取：{n} 轮，其中客户 {c} 轮', en: 'Read as a transcript: {n} turns, {c} from the customer' },
  channel: { zh: '渠道', en: 'Channel' },
  wait: { zh: '等待时长（秒）', en: 'Wait (seconds)' },
  repeat: { zh: '重复来电', en: 'Repeat contacts' },
  transfers: { zh: '转接次数', en: 'Transfers' },
  prior: { zh: '既往投诉', en: 'Prior complaints' },
  unresolved: { zh: '问题未解决', en: 'Still unresolved' },
  notGiven: { zh: '未填写', en: 'not given' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  inputError: { zh: '输入无效', en: 'Invalid input' },
  resultHeading: { zh: '投诉风险', en: 'Complaint risk' },
  probability: { zh: '投诉概率', en: 'Probability of a complaint' },
  band: { zh: '风险等级', en: 'Band' },
  action: { zh: '建议处置', en: 'Suggested action' },
  waterfallHeading: { zh: '原因：从参照交互到本次结果（对数几率）', en: 'Why: from the reference interaction to this one (log-odds)' },
  reference: { zh: '参照交互', en: 'Reference interaction' },
  final: { zh: '本次结果', en: 'This interaction' },
  noFactors: { zh: '与参照交互相同：没有起作用的因素', en: 'Same as the reference interaction: no factor moves the risk' },
  raises: { zh: '提高风险', en: 'raises the risk' },
  lowers: { zh: '降低风险', en: 'lowers the risk' },
  evidenceHeading: { zh: '客户原话中的证据', en: "Evidence in the customer's words" },
  evidenceHint: { zh: '悬停高亮处可查看类别和权重', en: 'Hover a highlight for its kind and weight' },
  evidenceNone: { zh: '没有需要标出的原话', en: 'Nothing in the words to highlight' },
  noText: { zh: '（没有客户的话）', en: '(no words from the customer)' },
  weight: { zh: '权重', en: 'weight' },
  factor: { zh: '因素', en: 'factor' },
  modelHeading: { zh: '模型', en: 'Model' },
  modelDrop: { zh: '把模型 JSON 文件拖到页面上，或', en: 'Drop a model JSON file on the page, or' },
  modelDropOverlay: { zh: '松开即可加载模型文件', en: 'Drop the file to load it as the model' },
  modelChoose: { zh: '选择文件', en: 'choose a file' },
  modelBuiltin: { zh: '内置模型', en: 'built-in model' },
  modelLoaded: { zh: '来自文件 {name}', en: 'from file {name}' },
  modelReset: { zh: '改用内置模型', en: 'Use the built-in model' },
  modelDownload: { zh: '下载内置模型 JSON', en: 'Download the built-in model (JSON)' },
  modelInvalid: { zh: '{name} 不是有效的模型，仍在使用 {id}：', en: '{name} is not a valid model; still using {id}:' },
  modelFeatures: { zh: '{n} 个特征', en: '{n} features' },
  modelBands: { zh: '等级阈值', en: 'Band thresholds' },
  modelTooLarge: { zh: '文件过大（{mb} MB），上限 {max} MB', en: 'file too large ({mb} MB); the limit is {max} MB' },
  replayHeading: { zh: '对话回放', en: 'Conversation replay' },
  replayHint: {
    zh: '逐轮重放示例对话，实时会话（createSession）在每一轮后重新评分',
    en: 'Step through an example conversation; a live session (createSession) rescores after every turn',
  },
  replayConversation: { zh: '对话', en: 'Conversation' },
  replayNext: { zh: '下一轮', en: 'Next turn' },
  replayPlay: { zh: '自动播放', en: 'Play' },
  replayPause: { zh: '暂停', en: 'Pause' },
  replayReset: { zh: '重新开始', en: 'Restart' },
  replayStart: { zh: '开始', en: 'start' },
  replayProgress: { zh: '已播放 {i} / {n} 轮', en: '{i} of {n} turns played' },
  replayChart: { zh: '每轮后的风险等级', en: 'Band after each turn' },
  replayAlert: { zh: '第 {turn} 轮后风险升至“{to}”（原为“{from}”）：{action}', en: 'Turn {turn} raised the band to {to} (from {from}): {action}' },
  replayNoAlert: { zh: '风险未升至“{band}”或以上', en: 'The band has not risen to {band} or above' },
  customer: { zh: '客户', en: 'Customer' },
  agent: { zh: '坐席', en: 'Agent' },
  footer: {
    zh: '本页由 complaint-risk 的浏览器构建（dist/index.js）驱动；数字与原因与库的 score() 完全一致。',
    en: "Driven by complaint-risk's own browser build (dist/index.js): the numbers and reasons are exactly what score() returns.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The label in `lang`, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function isStringKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(STRINGS, key);
}

/** The page's first language: the browser's, when it is Chinese. */
export function preferredLang(languages: readonly string[]): Lang {
  return (languages[0] ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
