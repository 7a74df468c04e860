/**
 * The bench's local stack: what startLocalApp composes (a seeded store in a temp dir, the runtime, the
 * gateway on loopback), plus bench teachers — users with a duty whose slot is open right now, each a
 * persona the gateway can sign in. Bench time is real time: nothing is faked, the duties are scheduled
 * for the moment the bench runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import dayjs from 'dayjs';
import { createLocalCloud, type LocalCloud } from '../local/runtime';
import { createGateway, listen } from '../local/gateway';
import { personasFrom, type Persona } from '../local/personas';
import { seedStore } from '../local/app';
import { buildSeed } from '../tools/seed-data';
import { CHINA_ZONE } from '../src/domain/time';

const root = path.resolve(__dirname, '..');

export interface BenchStack {
  url: string;
  cloud: LocalCloud;
  /** The bench teachers' openids, in order; each has one duty open now at the sample duty's host. */
  teachers: string[];
  /** Where the bench teachers stand: the host school of their duty. */
  hostLocation: { latitude: number; longitude: number };
  login(persona: string): Promise<string>;
  close(): Promise<void>;
}

type DutyLike = Record<string, unknown> & { hostLocation: { latitude: number; longitude: number } };

/**
 * A weekly slot of today (China time) that is open now and for the next hour. A slot may not cross
 * midnight (it would belong to yesterday's date): within two minutes of midnight, wait for the new day.
 */
export async function slotAroundNow(): Promise<{ weekday: number; start: string; end: string; periods: number }> {
  const untilMidnight = dayjs().tz(CHINA_ZONE).endOf('day').valueOf() - Date.now();
  if (untilMidnight < 2 * 60_000) await new Promise((r) => setTimeout(r, untilMidnight + 5_000));
  const now = Date.now();
  const hm = (ms: number) => dayjs(ms).tz(CHINA_ZONE).format('HH:mm');
  const start = Math.max(now - 5 * 60_000, dayjs(now).tz(CHINA_ZONE).startOf('day').valueOf());
  const end = Math.min(now + 60 * 60_000, dayjs(now).tz(CHINA_ZONE).endOf('day').valueOf() - 60_000);
  return { weekday: dayjs(now).tz(CHINA_ZONE).day() || 7, start: hm(start), end: hm(end), periods: 1 };
}

export async function startBenchStack(teacherCount: number): Promise<BenchStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-bench-'));
  const cloud = createLocalCloud({
    dbFile: path.join(dataDir, 'xuequ.sqlite'),
    functionsRoot: path.join(root, 'cloudfunctions'),
  });
  const seed = buildSeed(Date.now());
  seedStore(cloud, seed);

  const sample = seed.duties.find((d) => d._id === 'dt-hd-teacher-1') as unknown as DutyLike;
  const home = seed.users.find((u) => u._id === 'o-local-hd-teacher')!;
  const slot = await slotAroundNow();
  const teachers = Array.from({ length: teacherCount }, (_, i) => `o-bench-teacher-${String(i).padStart(5, '0')}`);
  cloud.store.insertMany(
    'users',
    teachers.map((openid, i) => ({
      _id: openid,
      roles: ['teacher'],
      name: `压测教师${i}`,
      districtCode: home.districtCode,
      schoolId: home.schoolId,
      xuequId: null,
    })),
  );
  cloud.store.insertMany(
    'duties',
    teachers.map((openid, i) => ({
      ...sample,
      _id: `dt-bench-${i}`,
      teacherOpenid: openid,
      teacherName: `压测教师${i}`,
      termStart: '2000-01-01',
      termEnd: '2100-01-01',
      slots: [slot],
      sample: true,
    })),
  );
  cloud.store.analyze();

  const personas: Persona[] = [
    ...personasFrom(seed),
    ...teachers.map((openid) => ({
      id: openid,
      openid,
      label: '压测教师',
      roles: ['teacher' as const],
      districtCode: String(home.districtCode),
    })),
  ];
  const server: http.Server = createGateway({ cloud, personas });
  const port = await listen(server, 0);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    cloud,
    teachers,
    hostLocation: sample.hostLocation,
    async login(persona) {
      const res = await fetch(`${url}/__dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona }),
      });
      if (res.status !== 200) throw new Error(`login ${persona}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          cloud.close();
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
