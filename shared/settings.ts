// The office's settings for its outputs, which differ office by office: names, numbers, fonts, switches and every
// sentence of the circular as an editable template. Placeholders are written {名称}.
import { z } from 'zod';

const line = z.string().max(200);
const para = z.string().max(4000);

export const templatesSchema = z.object({
  quarterTitle: line.default('关于{期间}全区政务信息报送采用情况的通报'),
  yearTitle: line.default('关于{年度}年度全区政务信息工作情况的通报'),
  opening: para.default(
    '为进一步做好政务信息工作，根据《莱芜区政务信息工作计分通报办法》，现将{期间}全区政务信息报送采用情况通报如下。',
  ),
  overall: para.default(
    '{期间}，全区共报送政务信息{报送总数}条，其中镇街{镇街报送}条，区直部门{部门报送}条；被各级刊物采用{采用总数}条次，其中区级{区级采用}条次，市级{市级采用}条次，省级{省级采用}条次，国家级{国家级采用}条次；获各级领导批示{批示总数}条次。',
  ),
  requests: para.default(
    '区政府办公室、市政府办公厅共下发约稿{约稿数}次，涉及{约稿单位数}个单位次，按时完成{约稿完成}个，作出说明{约稿说明}个，未完成{约稿未完成}个，尚未报送{约稿待报}个。',
  ),
  noRequests: para.default('{期间}无约稿任务。'),
  comparison: para.default('与{上期}相比，全区报送信息{报送增减}，被采用{采用增减}，获批示{批示增减}。'),
  comparisonLastYear: para.default('与去年同期相比，报送信息{报送增减}，被采用{采用增减}，获批示{批示增减}。'),
  topAdoptions: para.default('{期间}，全区信息被国家级、省级刊物采用{条数}条次：{名单}。'),
  topInstructions: para.default('获主要领导批示（★★★★）{条数}条次：{名单}。'),
  risers: para.default('排名进步较大的单位：{名单}。'),
  praise: para.default('对各组得分第一名的单位予以通报表扬：'),
  praiseLine: line.default('{分组}：{单位名单}。'),
  noPraise: para.default('{期间}各组均无得分高于零的单位，不作通报表扬。'),
  criticise: para.default('对各组得分末位的单位予以通报批评：'),
  criticiseLine: line.default('{分组}：{单位名单}。'),
  criticiseEvent: para.default('{单位}{期间}发生{事项}，予以通报批评。'),
  noCriticise: para.default('{期间}无需通报批评的单位。'),
  zeroAdoption: para.default('{期间}信息采用为零的单位（零通报）：{单位名单}。'),
  emptyMonth: para.default('有整月未报送信息的单位：{单位名单}。'),
  twoEmptyMonths: para.default('连续两个月未报送信息的单位：{单位名单}。对上述单位，将约谈其分管领导。'),
  overdue: para.default('截止日期已过仍未报送约稿的：{约稿名单}。'),
  // rule sets with a base grant and a pass line (docs/规则文件.md): the units whose quarter stayed under it
  belowStandard: para.default('{期间}得分未达到达标线的：{单位名单}。'),
  belowQuotaTwice: para.default('连续两期报送未完成任务数的单位：{单位名单}。'),
  fallenGroups: para.default('平均得分比{上期}下降的：{名单}。'),
  noProblems: para.default('{期间}各单位均按月报送信息，均有信息被采用。'),
  nextSteps: para.default(
    '各单位要进一步提高认识，把政务信息工作摆上重要位置，主要负责同志要定期听取工作汇报，分管负责同志要加强指导。\n' +
      '要紧扣区委、区政府中心工作，加强信息调研，多报调研类、问题建议类信息，提高信息质量和时效。\n' +
      '要严格落实报送任务，按时完成约稿；对迟报、漏报重大信息的，将按照有关规定严肃处理。',
  ),
  contact: line.default('联系人：{联系人}；电话：{电话}；邮箱：{邮箱}。'),
  attachment: line.default('{期间}全区政务信息计分排名表'),
  advancedUnits: para.default('根据全年计分排名，拟评选以下{先进单位数}个单位为{年度}年度全区政务信息工作先进单位：'),
  advancedPersons: para.default('拟评选以下{先进个人数}名同志为{年度}年度全区政务信息工作先进个人：'),
  zeroReportAttachment: line.default('{期间}零报送单位名单'),
  adoptionsAttachment: line.default('{期间}全区政务信息采用目录'),
  sms: line.default('{前缀}{单位}：{期间}政务信息得分{得分}分，在{分组}中排名第{排名}。'),
  smsProvisional: line.default('（{期间}尚未锁定，得分为暂定）'),
});

/** 编刊: the district periodical's 报头, 报尾, numbering, 栏目 and word limits (docs/编刊.md). */
export const journalSettingsSchema = z.object({
  /** 编印单位, printed at the left under the 刊名 */
  editor: line.default('济南市莱芜区人民政府办公室'),
  /** the 栏目 offered for a new issue, in order */
  sections: z.array(z.string().trim().min(1).max(40)).max(30).default(['工作动态', '经验交流', '问题反映', '简讯']),
  /** 期号 of the first issue the app numbers: 第N期 of `startYear` and 总第M期; later issues count on from the last */
  startYear: z.number().int().min(2000).max(2100).nullable().default(null),
  startNo: z.number().int().min(1).max(100000).default(1),
  startTotalNo: z.number().int().min(1).max(10000000).default(1),
  /** 报尾 */
  reportTo: line.default('市政府办公厅，区委、区人大、区政协领导同志。'),
  sendTo: line.default('区政府领导同志。'),
  distributeTo: line.default('各镇（街道），区政府各部门，区直各单位。'),
  responsibleEditor: line.default(''),
  signer: line.default(''),
  copies: z.number().int().min(0).max(100000).default(0),
  /** how a unit is credited at the end of an article; {单位} is the unit's name (several joined by 、) */
  credit: line.default('（{单位}供稿）'),
  /** word limits (字) shown while editing: 单篇 / 综合 and 简讯 */
  singleLimit: z.number().int().min(0).max(100000).default(1500),
  briefLimit: z.number().int().min(0).max(100000).default(300),
  /** page numbers from page 1, or from page 2 (the masthead page unnumbered) */
  numberFirstPage: z.boolean().default(true),
  /** 楷体 for 编者按 and the unit credit; 仿宋 and 小标宋 come from the circular's fonts */
  kai: line.default('楷体_GB2312'),
});

export const settingsSchema = z.object({
  officeName: line.default('济南市莱芜区人民政府办公室'),
  /** 发文机关标志 (红头) */
  issuerMark: line.default('济南市莱芜区人民政府办公室文件'),
  /** 文号 prefix: 莱芜政办字〔2019〕  号; the number is left for the clerk */
  docNoPrefix: line.default('莱芜政办字'),
  mainRecipients: line.default('各功能区管委会，各镇（街道）人民政府（办事处），区政府各部门，区直各企事业单位：'),
  copyTo: line.default('区委办公室，区人大常委会办公室，区政协办公室。'),
  printer: line.default('济南市莱芜区人民政府办公室'),
  contactPerson: line.default(''),
  contactPhone: line.default('6114079'),
  contactEmail: line.default('lcqzwxx@163.com'),
  publicNote: line.default('（此件公开发布）'),
  smsPrefix: line.default('【莱芜区政府办公室】'),
  redHeader: z.boolean().default(true),
  colophon: z.boolean().default(true),
  advancedUnitCount: z.number().int().min(0).max(100).default(10),
  advancedPersonCount: z.number().int().min(0).max(100).default(15),
  /** the circular's attachments, in this order: 计分排名表, 采用信息目录, 零报送单位 */
  attachments: z.array(z.enum(['ranking', 'adoptions', 'zeroReport'])).max(3).default(['ranking', 'adoptions']),
  fonts: z
    .object({
      body: line.default('仿宋_GB2312'),
      title: line.default('方正小标宋简体'),
      heading: line.default('黑体'),
      subheading: line.default('楷体_GB2312'),
      pageNumber: line.default('宋体'),
      table: line.default('仿宋_GB2312'),
      sheet: line.default('宋体'),
    })
    .prefault({}),
  templates: templatesSchema.prefault({}),
  journal: journalSettingsSchema.prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Templates = z.infer<typeof templatesSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export const DEFAULT_TEMPLATES: Templates = DEFAULT_SETTINGS.templates;

/** The 总体情况 and 约稿 sentences for rule sets other than 莱芜's: every group by name, the issuers that issued. */
export const GENERIC_TEMPLATES: Pick<Templates, 'overall' | 'requests'> = {
  overall:
    '{期间}，全区共报送政务信息{报送总数}条，其中{分组报送}；被各级刊物采用{采用总数}条次，其中区级{区级采用}条次，市级{市级采用}条次，省级{省级采用}条次，国家级{国家级采用}条次；获各级领导批示{批示总数}条次。',
  requests: '{约稿方}共下发约稿{约稿数}次，涉及{约稿单位数}个单位次，按时完成{约稿完成}个，作出说明{约稿说明}个，未完成{约稿未完成}个，尚未报送{约稿待报}个。',
};

/** Fills {名称} placeholders; an unknown placeholder stays visible so the clerk sees it. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The names of the circular's sentences, as the 通报设置 form and 操作记录 show them. */
export const TEMPLATE_LABELS: Record<string, string> = {
  quarterTitle: '季度通报标题',
  yearTitle: '年度通报标题',
  opening: '开头',
  overall: '总体情况',
  requests: '约稿情况',
  noRequests: '无约稿时',
  topAdoptions: '亮点：国家级、省级刊物采用',
  topInstructions: '亮点：主要领导批示',
  comparison: '与上期比较',
  comparisonLastYear: '与去年同期比较',
  risers: '排名进步较大的单位',
  praise: '表扬引语',
  praiseLine: '表扬（每组一行）',
  criticise: '批评引语',
  criticiseLine: '批评（每组一行）',
  criticiseEvent: '迟报漏报失实批评',
  zeroAdoption: '零通报',
  emptyMonth: '整月未报送',
  twoEmptyMonths: '连续两个月未报送（约谈）',
  overdue: '逾期约稿',
  belowStandard: '未达到达标线',
  belowQuotaTwice: '连续两期未完成报送任务',
  fallenGroups: '分组平均分下降',
  noProblems: '无问题时',
  nextSteps: '下一步要求（每行一段）',
  contact: '联系方式',
  attachment: '附件标题（计分排名表）',
  adoptionsAttachment: '附件标题（采用信息目录）',
  zeroReportAttachment: '附件标题（零报送单位名单）',
  sms: '短信',
  smsProvisional: '短信（未锁定时的暂定说明）',
};

/** The names of the other settings, as the 通报设置 form shows them (操作记录 says which one changed). */
export const SETTING_LABELS: Record<string, string> = {
  officeName: '发文机关（署名）',
  issuerMark: '发文机关标志（红头）',
  docNoPrefix: '文号前缀',
  mainRecipients: '主送机关',
  copyTo: '抄送',
  printer: '印发机关',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  publicNote: '附注',
  smsPrefix: '短信签名',
  redHeader: '红头',
  colophon: '版记',
  advancedUnitCount: '先进单位数',
  advancedPersonCount: '先进个人数',
  attachments: '通报附件',
  fonts: '字体',
  templates: '通报用语',
};

/** The names of the font settings. */
export const FONT_LABELS: Record<string, string> = {
  body: '正文字体',
  title: '标题字体',
  heading: '一级标题字体',
  subheading: '二级标题字体',
  pageNumber: '页码字体',
  table: '表格字体',
  sheet: '计分表字体',
};
