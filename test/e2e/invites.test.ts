import { h5Session } from './h5-session';

// The bureau creates a principal invite in the browser; the parent persona binds it in the browser and
// then finds the principal entry under 我的.
const s = h5Session();
const { bindFromMe, byTestId, fill, login, open, openAs } = s;

describe('an invite from the bureau makes a parent a principal', () => {
  let code = '';

  it('the bureau creates a principal invite for a school and sees the code once', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/home/index');
    await byTestId('open-invites').click();
    await byTestId('role-principal').click();
    await fill('school-filter', '中心东道');
    await byTestId('school-hd-s07').click();
    await fill('invite-note', '张校长');
    await byTestId('create-invite').click();
    await byTestId('invite-code').waitFor();
    code = (await byTestId('invite-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(await byTestId('invite-created').textContent()).toContain('只显示这一次');
    const item = s.page.locator('[data-testid^="invite-inv-"]').first();
    expect(await item.textContent()).toContain('校长 · 中心东道小学');
    expect(await item.textContent()).toContain('未使用');
    expect(await item.textContent()).toContain(`••${code.slice(-2)}`);
  });

  it('the parent binds it under 我的 and then has the principal entry', async () => {
    await openAs('parent', '/pages/me/index');
    await bindFromMe(code.toLowerCase());
    expect(await byTestId('bind-roles').textContent()).toContain('校长');
    expect(await byTestId('bind-done').textContent()).toContain('中心东道小学');

    await open('/pages/me/index');
    await s.page.reload();
    await byTestId('entry-principal').waitFor();
    expect(await byTestId('me-roles').textContent()).toContain('校长');
  });

  it('the same code cannot be bound again', async () => {
    await openAs('hd-teacher', '/pages/bind/index');
    await fill('bind-code', code);
    await byTestId('bind-submit').click();
    await byTestId('bind-error').waitFor();
    expect(await byTestId('bind-error').textContent()).toContain('已被使用');
  });

  it('the bureau sees it used, by whom', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/invites/index');
    const item = s.page.locator('[data-testid^="invite-inv-"]').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('已使用');
    expect(await item.textContent()).toContain('张校长 于 2026-11-23');
  });
});

describe('a principal invites a teacher picked from the bureau’s roster', () => {
  it('the roster of the school is offered; the invite carries the name and 工号', async () => {
    await login('hd-bureau');
    const roster =
      '工号,姓名,学校名称,学科,骨干教师\nYA-101,钱老师,友爱道小学,数学,是\nYA-102,冯老师,友爱道小学,语文,否\n';
    const imported = await s.page.request.post(`${s.app.url}/fn/admin`, {
      data: {
        data: {
          action: 'importApply',
          table: 'teachers',
          format: 'csv',
          content: roster,
          requestId: 'e2e-roster-0001',
        },
      },
    });
    expect((await imported.json()).result).toMatchObject({ ok: true, data: { written: 2 } });

    await openAs('hd-principal', '/packages/principal/pages/invites/index');
    await fill('roster-filter', '钱');
    await byTestId('roster-YA-101').click();
    expect(await byTestId('roster-YA-101').textContent()).toContain('骨干');
    expect(await s.page.locator('[data-testid="roster-YA-102"]').count()).toBe(0);
    await byTestId('create-invite').click();
    await byTestId('invite-code').waitFor();
    expect(await byTestId('invite-created').textContent()).toContain('钱老师');
    const item = s.page.locator('[data-testid^="invite-inv-"]').first();
    expect(await item.textContent()).toContain('工号 YA-101');
    expect(await byTestId('roster-YA-101').textContent()).toContain('已邀请');
  });
});
