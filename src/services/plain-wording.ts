/**
 * 长辈模式's plain wording, in one place: `useElderMode().say(usual, plain)` picks one of each pair.
 * Plain = short sentences, one idea per line ("\n"; the pages' text keeps line breaks), and every policy
 * term explained with the term itself kept in parentheses, so a parent can still find it in the document.
 * Fixed texts are pairs in PLAIN; texts that come from the rules or the server go through `plainText`.
 */

/** [usual, plain]: spread into `elder.say(...PLAIN.x)`. */
export type Wording = readonly [usual: string, plain: string];

/**
 * Policy terms and what they mean in everyday words. Longer terms first: a compound ("对口划片") is
 * explained as one, not as two explanations in a row.
 */
const TERMS: ReadonlyArray<readonly [term: string, plain: string]> = [
  ['随迁子女', '随父母来本地工作的孩子（随迁子女）'],
  ['随迁', '随父母来本地工作（随迁）'],
  ['“五证”', '五种证件（“五证”）'],
  ['五证', '五种证件（五证）'],
  ['多校划片', '一个住址对应几所学校（多校划片）'],
  ['单校划片', '一个住址只对应一所学校（单校划片）'],
  ['对口直升', '小学毕业直接升到对应的初中（对口直升）'],
  ['对口划片', '按住址分好的（对口划片）'],
  ['划片学校', '按住址分到的学校（划片学校）'],
  ['划片', '按住址分学校（划片）'],
  ['对口', '按学区对应好的（对口）'],
  ['九年一贯', '小学和初中连着读的学校（九年一贯）'],
  ['电脑派位', '用电脑随机分学校（电脑派位）'],
  ['派位', '随机分学校（派位）'],
  ['统筹安排', '统一安排（统筹安排）'],
  ['统筹', '统一安排（统筹）'],
  ['人户一致', '户口和住的房子在同一个地址（人户一致）'],
  ['人户分离', '户口和住的房子不在同一个地址（人户分离）'],
  ['学籍', '孩子在学校的正式登记（学籍）'],
  ['户籍', '户口（户籍）'],
  ['适龄儿童', '到了上学年龄的孩子（适龄儿童）'],
  ['就近入学', '在家附近上学（就近入学）'],
  ['班额', '每班人数（班额）'],
  ['学区长', '管一个学区的校长（学区长）'],
  ['轮岗', '老师到别的学校去上课（轮岗）'],
  ['征求意见稿', '还没有正式定下来的草稿（征求意见稿）'],
];
const TERM_RE = new RegExp(TERMS.map(([t]) => t).join('|'), 'g');
const PLAIN_OF = new Map(TERMS);
/** "“五证”" and "五证" are one term: explained once per text. */
const key = (term: string) =>
  term
    .replace(/[“”]/g, '')
    .replace(/^随迁子女$/, '随迁')
    .replace(/^统筹安排$/, '统筹');

/**
 * A rule's or the server's sentence made plain: each term explained where it first appears (the term
 * stays, in parentheses), one sentence per line. A term already in parentheses is left as it is.
 */
export function plainText(text: string): string {
  const seen = new Set<string>();
  const explained = text.replace(TERM_RE, (term, at: number) => {
    const k = key(term);
    if (seen.has(k)) return term;
    seen.add(k);
    return text[at - 1] === '（' ? term : PLAIN_OF.get(term)!;
  });
  return oneIdeaPerLine(explained);
}

/** Sentence ends (。；！？) start a new line; a closing quote or bracket stays with its sentence. */
export function oneIdeaPerLine(text: string): string {
  return text.replace(/([。；！？][”」）)]?)(?=\S)/g, '$1\n');
}

/** The fixed texts of the parent pages. */
export const PLAIN = {
  // 查学区 (src/pages/lookup)
  lookupIntro: [
    '选择住址所在的区、街道和社区，查看所属学区、划片学校和依据。地址只用于本次查询，不会保存。',
    '选一选家住在哪个区、哪条街道，就能看到孩子上哪所学校。住址不会被保存。',
  ],
  lookupDistrict: ['1. 区县', '第一步：选区'],
  lookupStreet: ['2. 街道', '第二步：选街道'],
  lookupCommunity: ['3. 社区', '第三步：选社区'],
  lookupAddress: ['门牌地址（可选，更准确）', '或者直接写住址（门牌号）'],
  lookupAddressEmpty: ['请先填写门牌地址，如“互助道32号”或小区名称', '请先写上住址，比如“互助道32号”'],
  lookupSchoolName: ['或输入学校名称', '或者写学校名字'],
  // 学校 (src/pages/school)
  schoolNoContact: [
    '教育局文件没有公布学校的地址和电话，请以学校或教育局的通知为准。',
    '文件里没有写学校地址和电话，可以打电话问区教育局。',
  ],
  schoolUpcoming: ['本校学区调整预告', '以后本校学区会有变化'],
  schoolCatchment: ['招生范围（登记范围原文）', '这所学校收哪些地方的孩子'],
  schoolNeighbours: ['同学区学校（由近及远）', '同一个学区的其他学校'],
  // 入学条件 (src/pages/enrol and its components)
  enrolIntro: [
    '回答几个简单的问题，看看孩子入学属于哪一类、要准备哪些材料、什么时候办理。先选择家庭所在的区：',
    '回答几个问题。\n就知道孩子上学排在哪一类、要带什么材料、什么时候去办。\n先选家住在哪个区：',
  ],
  enrolChange: ['更换', '换一个区'],
  enrolOtherDistrict: ['选择其他区', '换一个区'],
  enrolNoRules: ['该区暂无入学规则', '这个区还没有入学规则。\n请打电话问区教育局。'],
  enrolBack: ['上一步', '回到上一个问题'],
  enrolRestart: ['重新开始', '从头再答一遍'],
  resultWhy: ['为什么：', '原因：'],
  resultHow: ['怎么安排：', '孩子会怎么安排：'],
  resultInstead: ['怎么办：', '您可以这样做：'],
  resultPrinciple: ['招生原则：', '招生的规矩：'],
  resultTooYoung: ['年龄还不到', '孩子年龄还不够'],
  resultChecklist: ['要准备的材料', '要带的材料'],
  resultNoChecklist: ['现在还不需要准备材料。', '现在还不用准备材料。'],
  resultOthers: ['还要带上', '另外还要带'],
  resultTick: [
    '点一下可以打勾，记录已经备好的材料（只保存在本机）。',
    '准备好一样，就点一下打勾。\n只记在这部手机上。',
  ],
  resultTimeline: ['时间安排', '什么时候去办'],
  resultSources: ['依据与说明', '这些内容出自哪里'],
  datePrompt: ['请依次选择年、月、日', '先点出生的年份，再点月份，最后点哪一天'],
  dateYear: ['出生年份', '第一步：点出生的年份'],
  dateMonth: ['月份', '第二步：点月份'],
  dateDay: ['日', '第三步：点哪一天'],
  dateConfirm: ['确定', '选好了'],
  // 还需要了解 (family-questions, on the lookup answer)
  familyTitle: [
    '以下情况会改变答案，请补充（只用于本次查询，不保存）',
    '下面的情况会影响上哪所学校。\n请点“是”或“否”。\n这些回答不会被保存。',
  ],
  familyDate: ['选择日期', '点这里选日子'],
  familyChange: ['修改', '改一下'],
  // 政策 (src/pages/policy, policy-detail)
  policyIntro: [
    '本产品的学区数据来自以下政策文件。可搜索原文，多个词用空格分开。',
    '这里是教育局的政策文件原文。\n想找哪个词，就在下面输入。\n几个词之间空一格。',
  ],
  policyChips: ['常用：', '常查的词：'],
  policyUses: ['本产品采用：', '这里用到了：'],
  policyDraft: ['征求意见稿', '还没有正式定下来的草稿（征求意见稿）'],
  policyDetailUses: ['本产品采用的内容', '这份文件里我们用到了什么'],
  policyOriginal: ['以上为文件原文，仅整理了换行和空格。', '上面是文件原文。\n我们只调整了换行和空格。'],
  // 请学校确认 (ask-school-form)
  askTitle: ['请学校确认', '请学校帮忙确认'],
  askSignIn: [
    '向学校提交咨询前需要先登录，登录后回到这里填写联系方式。',
    '要先登录，才能问学校。\n登录后回到这一页，再写联系方式。',
  ],
  askSignInGo: ['去“我的”登录', '去登录（在“我的”里）'],
  askHint: [
    '留下联系方式，学校核实后答复。地址只随本次咨询提交给学校。',
    '写下您的电话，学校查清楚后会回复您。\n住址只交给这所学校。',
  ],
  askSent: [
    '已提交，学校答复后可在“我的 → 我的咨询”查看。',
    '已经交给学校了。\n学校回复后，在“我的”里点“我的咨询”就能看到。',
  ],
  askSubmit: ['提交', '交给学校'],
  // 页面不存在
  notFoundTitle: ['页面不存在', '没有找到这一页'],
  notFoundHint: ['链接可能有误，或者这个页面已经不在了。', '这个链接可能不对。\n也可能这一页已经没有了。'],
  notFoundHome: ['回到首页（查学区）', '回首页查学校（查学区）'],
} as const satisfies Record<string, Wording>;

/** The wizard's age rule for a birth date, usual and plain. */
export function ageRuleWording(intakeYear: number, minAge: number, month: number, day: number): Wording {
  const by = `${intakeYear - minAge}年${month}月${day}日`;
  return [
    `${intakeYear}年秋季入学：须在${by}及以前出生（满${minAge}周岁）`,
    `${intakeYear}年秋天上学的孩子：\n要在${by}或更早出生（满${minAge}周岁）。`,
  ];
}

/** The 随迁子女 "五证" heading, plain: the five spelled out (their names come with the rules). */
export function fiveWording(names: readonly string[]): string {
  return `随父母来本地工作的孩子（随迁子女）要带齐这${names.length}种证件（“五证”）：\n${names.join('、')}`;
}
