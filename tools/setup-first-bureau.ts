/**
 * One-time setup of the first bureau account of a district, run by whoever deploys. There is no
 * backdoor in any function: the first 教育局 account is a document written by an administrator of the
 * cloud environment; every other account comes from invite codes that this bureau account issues.
 *
 *   1. Open the mini-program (DevTools or phone), then call account.me to learn your OPENID, e.g. in the
 *      DevTools console:  wx.cloud.callFunction({ name: 'account', data: { action: 'me' } })
 *                           .then((r) => console.log(r.result.data.openid))
 *   2. npx tsx tools/setup-first-bureau.ts --openid <OPENID> --district 120102 --name 区教育局管理员
 *      prints the document; in 云开发控制台 → 数据库 → users → 添加记录, paste it (the _id is the OPENID).
 *      With --local [--data-dir D] it writes the document into the local demo store instead (D, else
 *      XUEQU_DATA_DIR, else .local-data/). Any district works once added: npm run district -- add <code>.
 */
import { COLLECTIONS } from '../src/contracts/collections';
import type { UserProfile } from '../src/domain/roles';
import { localDataDir, openLocalStore } from '../local/data-dir';
import { districtOf } from './extract-divisions';
import { runCli } from './cli';

export interface SetupArgs {
  openid: string;
  district: string;
  name: string;
  local: boolean;
  dataDir: string;
}

/** Parses `--openid X --district 120102 --name N [--local] [--data-dir D]`; throws a Chinese message. */
export function parseArgs(argv: string[]): SetupArgs {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const openid = value('--openid') ?? '';
  const district = value('--district') ?? '';
  const name = (value('--name') ?? '区教育局管理员').trim();
  if (!/^[\w-]{6,64}$/.test(openid))
    throw new Error('请用 --openid 给出 OPENID（调用 account.me 获得，见本文件开头说明）');
  if (!/^\d{6}$/.test(district)) throw new Error('请用 --district 给出6位区县代码，例如 120102（河东区）');
  if (name.length === 0 || name.length > 30) throw new Error('--name 应为1–30个字');
  return { openid, district, name, local: argv.includes('--local'), dataDir: localDataDir(value('--data-dir')) };
}

/** The users document of a bureau account: its id is the OPENID, like every account. */
export function bureauDocument(args: Pick<SetupArgs, 'openid' | 'district' | 'name'>): UserProfile {
  return {
    _id: args.openid,
    roles: ['bureau'],
    name: args.name,
    districtCode: args.district,
    schoolId: null,
    xuequId: null,
  };
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  const doc = bureauDocument(args);
  if (!args.local) {
    const district = districtOf(args.district);
    if (!district) throw new Error(`未知的区县代码 ${args.district}：行政区划数据中没有这个区县`);
    console.log(
      `${district.name}的第一个教育局账号（该区县须已在云数据库的 ${COLLECTIONS.districts} 中，否则先用 npm run district -- add ${args.district} 生成导入文件）。在 云开发控制台 → 数据库 → ${COLLECTIONS.users} → 添加记录，粘贴以下 JSON：\n`,
    );
    console.log(JSON.stringify(doc, null, 2));
    console.log('\n之后用该微信号打开小程序 → 我的 → 教育局工作台 → 邀请码，为校长和学区长创建邀请码。');
    return 0;
  }
  const store = openLocalStore(args.dataDir);
  try {
    const district = store.find(COLLECTIONS.districts, { _id: args.district })[0];
    if (!district)
      throw new Error(`本地数据中没有区县 ${args.district}：请先运行 npm run district -- add ${args.district} --local`);
    const { _id, ...fields } = doc;
    const before = store.find(COLLECTIONS.users, { _id })[0];
    store.replace(COLLECTIONS.users, _id, fields);
    console.log(
      `${before ? '已覆盖' : '已写入'}本地 ${COLLECTIONS.users}/${_id}：${String(district.name)}教育局账号“${args.name}”`,
    );
  } finally {
    store.close();
  }
  return 0;
}

if (require.main === module) runCli(main);
