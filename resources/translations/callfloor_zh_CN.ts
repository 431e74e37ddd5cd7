<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../console/screens/ivr/dialogs.py" line="22"/>
        <source>Emergency notice</source>
        <translation>紧急通知</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/dialogs.py" line="26"/>
        <source>e.g. 受台风影响，部分地区通信中断，正在抢修。</source>
        <translation>例如：受台风影响，部分地区通信中断，正在抢修。</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/dialogs.py" line="30"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/dialogs.py" line="31"/>
        <source>Callers hear (at most 20 s):</source>
        <translation>来电者听到（最长20秒）：</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/dialogs.py" line="32"/>
        <source>Expires after:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/dialogs.py" line="35"/>
        <source>Clear the notice</source>
        <translation>清除通知</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <location filename="../../console/common/access.py" line="29"/>
        <source>supervisor</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;text&quot;) with a literal context role -&gt; label (untranslated, context ``Access``); unknown roles show their own name</extracomment>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="30"/>
        <source>team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="31"/>
        <source>quality inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="32"/>
        <source>floor manager</source>
        <translation>现场资源管理员</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="33"/>
        <source>maintenance</source>
        <translation>系统维护</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="34"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="35"/>
        <source>view-only wall</source>
        <translation>只读大屏</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="36"/>
        <source>collection group</source>
        <translation>催缴组</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="37"/>
        <source>agent</source>
        <translation>客服代表</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="38"/>
        <source>complaint department</source>
        <translation>投诉处理部门</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="60"/>
        <source>nobody</source>
        <extracomment>the order roles are named in (&quot;Only supervisor, team leader or admin may …&quot;) codes of a command refused because the session is gone (not because of the command)</extracomment>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="63"/>
        <source>{first} or {last}</source>
        <translation>{first}或{last}</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="64"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="167"/>
        <source>Change your password first.</source>
        <extracomment>the user, role or permissions changed (login, logout, whoami, password changed) a command was refused because the session is gone: (code, message, command) role -&gt; permissions, from switchlink&apos;s ``roles`` (the models&apos; table until then)</extracomment>
        <translation>请先修改密码。</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="168"/>
        <source>Only {roles} may {what}.</source>
        <translation>只有{roles}可以{what}。</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="170"/>
        <source>do this</source>
        <translation>执行此操作</translation>
    </message>
    <message>
        <location filename="../../console/common/access.py" line="173"/>
        <source>Not logged in.</source>
        <translation>未登录。</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="80"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="81"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="82"/>
        <source>account, name or number</source>
        <translation>账号、姓名或号码</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="86"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="99"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
</context>
<context>
    <name>AckDialog</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="70"/>
        <source>Acknowledge alarm</source>
        <extracomment>the scope as people say it (a queue&apos;s name, not ``queue:billing``)</extracomment>
        <translation>确认预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="71"/>
        <source>{level} alarm on {metric} in {scope}: {value} vs {threshold}</source>
        <translation>{level}预警：{scope} 的{metric}为 {value}，阀值 {threshold}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="77"/>
        <source>Dispatch plan: {plan}</source>
        <translation>资源调度预案：{plan}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="79"/>
        <source>What is being done about it (required)</source>
        <translation>正在采取的措施（必填）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="86"/>
        <source>Please write a note: the acknowledgement is audited.</source>
        <translation>请填写说明：确认操作将记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../console/screens/wallboard/control/dialogs.py" line="107"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/dialogs.py" line="108"/>
        <source>Why (kept in the audit trail)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/dialogs.py" line="110"/>
        <source>Reason code:</source>
        <translation>原因代码：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/dialogs.py" line="112"/>
        <source>To agent:</source>
        <translation>转给坐席：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/dialogs.py" line="113"/>
        <source>To queue:</source>
        <translation>转到队列：</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="77"/>
        <source>Maintenance actions</source>
        <extracomment>action -&gt; (permission, what it needs selected: &quot;board&quot; | &quot;channel&quot; | &quot;target&quot; | &quot;&quot;) an action was asked for (name)</extracomment>
        <translation>维护操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="79"/>
        <source>Self-test board</source>
        <translation>板卡自检</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="79"/>
        <source>Loopback test</source>
        <translation>环回测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="80"/>
        <source>Prompt test</source>
        <translation>放音测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="80"/>
        <source>Fax test</source>
        <translation>传真测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="81"/>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="81"/>
        <source>Out of service…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="82"/>
        <source>Back in service</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="82"/>
        <source>Run sweep now</source>
        <translation>立即巡检</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="85"/>
        <source>Run the selected board&apos;s self-test</source>
        <translation>对所选板卡进行自检</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="86"/>
        <source>Seize the selected idle channel, dial the loopback number, check the tone and the DTMF echo, release</source>
        <translation>占用所选空闲通道，拨环回号码，检查音频与DTMF回送，然后释放</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="88"/>
        <source>Play the prompt text on the selected idle IVR channel</source>
        <translation>在所选空闲IVR通道上播放提示音文本</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="89"/>
        <source>Send a one-page test fax to the loopback number</source>
        <translation>向环回号码发送一页测试传真</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="90"/>
        <source>Reset the selected channel or board: its calls are cut</source>
        <translation>复位所选通道或板卡：其上的通话将被切断</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="91"/>
        <source>Take the selected channel, trunk or board out of service: it takes no new calls</source>
        <translation>停用所选通道、中继或板卡：不再接入新呼叫</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="93"/>
        <source>Put it back in service</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="94"/>
        <source>Loopback-test every idle channel now, one per board at a time</source>
        <translation>立即对所有空闲通道做环回测试，每块板卡同时只测一个通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="101"/>
        <source>Prompt text to play (optional)</source>
        <translation>要播放的提示音文本（可选）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="102"/>
        <source>Loopback fax number</source>
        <translation>环回传真号码</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="43"/>
        <source>yes</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;text&quot;) with a literal context</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="53"/>
        <source>locked, %n s left</source>
        <translation>已锁定，还剩 %n 秒</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="55"/>
        <source>locked, %n min left</source>
        <translation>已锁定，还剩 %n 分钟</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="57"/>
        <source>%n failed login(s)</source>
        <translation>%n 次登录失败</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="61"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="62"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="63"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="65"/>
        <source>Teams</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="66"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="69"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="71"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="73"/>
        <source>Must change password</source>
        <translation>须改密码</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="76"/>
        <source>Locked out</source>
        <translation>登录锁定</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="146"/>
        <source>manage users</source>
        <extracomment>the buttons, left to right (all but create and refresh act on the selected user) dialogs, replaceable in tests</extracomment>
        <translation>管理用户</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="203"/>
        <source>{n} users.</source>
        <translation>共 {n} 个用户。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="206"/>
        <source>Client keys locked out: {keys}</source>
        <translation>已锁定的客户端密钥：{keys}</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="218"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="248"/>
        <source>{user} created; they choose their own password at the first login.</source>
        <translation>已创建 {user}；首次登录时须自行设置密码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="251"/>
        <source>{user} updated.</source>
        <translation>已更新 {user}。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="252"/>
        <source>Password of {user} reset; they must change it at the next login.</source>
        <translation>已重置 {user} 的密码；下次登录时须修改。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="290"/>
        <source>Disable {user}? Their open sessions end now and they cannot log in.</source>
        <translation>停用 {user}？其已打开的会话将立即结束，且无法再登录。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="294"/>
        <source>Enable {user} again?</source>
        <translation>重新启用 {user}？</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="299"/>
        <source>{user} disabled.</source>
        <translation>已停用 {user}。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="301"/>
        <source>{user} enabled.</source>
        <translation>已启用 {user}。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="317"/>
        <source>{user} unlocked.</source>
        <translation>已解锁 {user}。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="321"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="327"/>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="328"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="329"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="330"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="331"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="332"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/screen.py" line="333"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>AgentGridModel</name>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="22"/>
        <source>Work number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="23"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="24"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="25"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="26"/>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="144"/>
        <source>⚠ Harasser</source>
        <extracomment>everything a grid cell paints, in one call: (work number, name, state, since, stale) a supervisor&apos;s mark on the cell, or None: (kind, who) with kind &quot;pending&quot; (sign-out booked during a call), &quot;monitored&quot; (who: the supervisors on the call) or &quot;forced&quot; (who forced it) time source for &quot;time in state&quot;; the switch clock when the daemon reports one agent -&gt; (team, skill groups): what the team / skill filter reads bumped when an agent&apos;s team or skill groups change (the filter must run again) agent -&gt; the state its cell paints, and agents per state: kept per frame for the touched agents only (recounting 5,000 agents for the legend took ~15 ms a frame)</extracomment>
        <translation>⚠ 骚扰</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="176"/>
        <source>Harassing caller (blacklist): %1</source>
        <translation>骚扰电话(黑名单):%1</translation>
    </message>
</context>
<context>
    <name>AgentGridView</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="225"/>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="300"/>
        <source>All</source>
        <extracomment>the selection frame and the supervisor marks (pending sign-out, listened to, forced) more agents than this: a big floor, where the grid shows one team or skill group at a time (drill-down) and a summary per group stands in for the cells: 150 cells already need a scrollbar on a 1080p wall, and nobody scrolls a wall (the screen uses the same threshold) the legend&apos;s order: on a call, then free, then away translated state labels, filled on first use and dropped on a language change (kind, who) -&gt; the mark&apos;s text; set by the supervisor controls (None: no marks) the grid has cells to show (False: a big floor waiting for a team or skill group) (membership version, agents) the filter last ran on</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="253"/>
        <source>{total} agents: choose a team or skill group to see its agents</source>
        <translation>共 {total} 名坐席：请选择班组或技能组查看其坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="256"/>
        <source>{shown} of {total} agents</source>
        <translation>显示 {shown} / 共 {total} 名坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="296"/>
        <source>Team:</source>
        <translation>班组：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="297"/>
        <source>Skill group:</source>
        <translation>技能组：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="301"/>
        <source>Show only the agents of one team</source>
        <translation>只显示某一班组的坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="302"/>
        <source>Show only the agents with one skill</source>
        <translation>只显示具备某一技能的坐席</translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="32"/>
        <source>Logged out</source>
        <extracomment>Background / text colour per alarm level, the same in both themes.</extracomment>
        <translation>签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="33"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="34"/>
        <source>Not ready</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="35"/>
        <source>Ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="36"/>
        <source>Talking</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="37"/>
        <source>On hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="38"/>
        <source>After-call work</source>
        <translation>后续处理</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="85"/>
        <source>{level} alarm ({note})</source>
        <translation>{level}预警（{note}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="87"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="88"/>
        <source>escalated, not acknowledged</source>
        <translation>已升级，未确认</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="90"/>
        <source>{level} alarm</source>
        <translation>{level}预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="91"/>
        <source>{head}: {metric} {value} (threshold {threshold}) in {scope} since {time}</source>
        <translation>{head}：{scope} {metric} {value}（阀值 {threshold}），自 {time} 起</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="99"/>
        <source>(+{n} more)</source>
        <translation>（另有 {n} 条）</translation>
    </message>
</context>
<context>
    <name>AlarmListModel</name>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="15"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="16"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="17"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="18"/>
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="19"/>
        <source>Threshold</source>
        <translation>阀值</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="20"/>
        <source>Since</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="21"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="22"/>
        <source>Dispatch plan</source>
        <translation>资源调度预案</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="269"/>
        <source>acknowledge alarms</source>
        <extracomment>room beside a header title: padding and frame, and the sort arrow of the sorted column a cell&apos;s text margins columns whose cells never wrap (numbers and times): never narrower than their contents columns whose title is shown on two lines a user-facing message about an acknowledgement (sent, done, refused)</extracomment>
        <translation>确认告警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="287"/>
        <source>Your role may not acknowledge alarms.</source>
        <translation>您的角色无权确认预警。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="292"/>
        <source>There is no active alarm to acknowledge.</source>
        <translation>当前没有需要确认的预警。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="299"/>
        <source>Alarm {id} acknowledged.</source>
        <translation>预警 {id} 已确认。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="301"/>
        <source>Acknowledgement refused: {reason}</source>
        <translation>确认被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="304"/>
        <source>Active alarms</source>
        <translation>当前预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="305"/>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="307"/>
        <source>Acknowledge the selected alarm with a note (Ctrl+K)</source>
        <translation>填写说明并确认所选预警（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="310"/>
        <source>Your role may not acknowledge alarms</source>
        <translation>您的角色无权确认预警</translation>
    </message>
</context>
<context>
    <name>AnnounceDialog</name>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="61"/>
        <source>Announce a fault in the IVR</source>
        <extracomment>expiry choices in minutes; two hours by default (a fault fixed sooner is cleared by hand) switchlink&apos;s answer to ``complaints.announce`` (flow, node, notice, volume)</extracomment>
        <translation>在 IVR 中播报故障公告</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="65"/>
        <source>%1 complaints about %2 (usually %3).</source>
        <translation>关于%2的投诉 %1 件（平时约 %3 件）。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="74"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="75"/>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="85"/>
        <source>Announce</source>
        <translation>播报</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="87"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="91"/>
        <source>Announcement</source>
        <translation>公告内容</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="92"/>
        <source>Ends after</source>
        <translation>有效时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="105"/>
        <source>Write what callers will hear.</source>
        <translation>请填写来电客户将听到的内容。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="107"/>
        <source>The announcement is %1 characters; at most %2.</source>
        <translation>公告有 %1 个字，最多 %2 个字。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="111"/>
        <source>The switch&apos;s time is not known yet; try again in a moment.</source>
        <translation>尚未获知交换机时间，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_dialog.py" line="135"/>
        <source>Announced on %1 (%2) until %3. Calls through that menu: %4 in the %5 min before.</source>
        <translation>已在 %1（%2）播报，至 %3 止。该菜单此前 %5 分钟内的来话：%4 次。</translation>
    </message>
</context>
<context>
    <name>AnnounceEffect</name>
    <message>
        <location filename="../../console/screens/complaints/announce_effect.py" line="57"/>
        <source>Effect of the announcement</source>
        <translation>公告效果</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_effect.py" line="101"/>
        <source>Notice on %1 (menu %2) since %3, until %4. Calls through that menu per %5 min: grey before, blue since.</source>
        <translation>%1（菜单 %2）的紧急公告自 %3 起，至 %4 止。经过该菜单的来话（每 %5 分钟）：灰色为公告前，蓝色为公告后。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_effect.py" line="108"/>
        <source>minutes from the notice</source>
        <translation>距公告时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_effect.py" line="122"/>
        <source>No call history for that menu yet.</source>
        <translation>该菜单暂无来话记录。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_effect.py" line="124"/>
        <source>Before: %1 calls per %2 min. Since the notice: too early to say.</source>
        <translation>公告前：每 %2 分钟 %1 个来话。公告后：时间尚短，暂无结论。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/announce_effect.py" line="130"/>
        <source>Before: %1 calls per %2 min. Since the notice: %3 (%4 %).</source>
        <translation>公告前：每 %2 分钟 %1 个来话。公告后：%3（%4 %）。</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="60"/>
        <source>done</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;text&quot;) with a literal context rows per page on screen</extracomment>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="62"/>
        <source>refused: {code}</source>
        <translation>被拒绝：{code}</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="73"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="77"/>
        <location filename="../../console/screens/audit/screen.py" line="306"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="79"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="82"/>
        <location filename="../../console/screens/audit/screen.py" line="307"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="83"/>
        <location filename="../../console/screens/audit/screen.py" line="308"/>
        <source>Agent / target</source>
        <translation>座席 / 对象</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="84"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="85"/>
        <location filename="../../console/screens/audit/screen.py" line="309"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="86"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="176"/>
        <source>read the audit trail</source>
        <extracomment>the CSV file dialog, replaceable in tests</extracomment>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="210"/>
        <source>“From” is after “until”: nothing can match.</source>
        <translation>“起始”晚于“截止”：不会有匹配的记录。</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="214"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="233"/>
        <source>Entries {first}–{last}, newest first</source>
        <translation>第 {first}–{last} 条，最新的在前</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="237"/>
        <source>No entries match.</source>
        <translation>没有匹配的记录。</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="242"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="252"/>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="254"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="274"/>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="279"/>
        <source>{n} entries written to {path}.</source>
        <translation>已将 {n} 条记录写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="295"/>
        <source>Exporting… {n} entries so far</source>
        <translation>正在导出… 已取得 {n} 条</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="314"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="315"/>
        <source>e.g. set_agent_state, login</source>
        <translation>例如 set_agent_state、login</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="316"/>
        <source>agent, call or user</source>
        <translation>座席、呼叫或用户</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="320"/>
        <source>All results</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="321"/>
        <source>Done</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="322"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="326"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="327"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="331"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="332"/>
        <source>◀ Newer</source>
        <translation>◀ 较新</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="333"/>
        <source>Older ▶</source>
        <translation>较早 ▶</translation>
    </message>
    <message>
        <location filename="../../console/screens/audit/screen.py" line="334"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>Blacklist</name>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="9"/>
        <source>Tell busy</source>
        <translation>提示系统忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="10"/>
        <source>Release</source>
        <translation>直接释放</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="11"/>
        <source>Warn agent</source>
        <translation>提示/告警</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="14"/>
        <source>Pending</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="15"/>
        <source>Harasser</source>
        <translation>骚扰</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="16"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="17"/>
        <source>Normal customer</source>
        <translation>普通(已解除)</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="20"/>
        <source>Normal</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="21"/>
        <source>VIP</source>
        <translation>大客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="24"/>
        <source>Added</source>
        <translation>列入黑名单</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="25"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="26"/>
        <source>Lifted</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="27"/>
        <source>Listed again</source>
        <translation>重新列入</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="28"/>
        <source>Window ended</source>
        <translation>拦截时间到期</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="31"/>
        <source>Blocked</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="32"/>
        <source>Answered (warned)</source>
        <translation>已接通(告警)</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/labels.py" line="33"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="14"/>
        <source>Number</source>
        <translation>骚扰电话</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="15"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="16"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="17"/>
        <source>Customer level</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="18"/>
        <source>Blocked from</source>
        <translation>拦截开始</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="19"/>
        <source>Blocked until</source>
        <translation>拦截结束</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="20"/>
        <source>Added by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="21"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/table_model.py" line="73"/>
        <source>No end</source>
        <translation>长期</translation>
    </message>
</context>
<context>
    <name>BlacklistScreen</name>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="111"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="111"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="112"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="114"/>
        <source>number, reason or who</source>
        <translation>号码、原因或操作人</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="115"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="116"/>
        <source>All actions</source>
        <translation>全部处理方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="125"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="125"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="126"/>
        <source>Lift…</source>
        <translation>解除…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="126"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="127"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="143"/>
        <source>change the blacklist</source>
        <translation>修改黑名单</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="173"/>
        <source>Blacklist: %1 numbers, %2 listed · blocked today %3 · warned today %4</source>
        <translation>黑名单:共 %1 个号码,%2 个在列 · 今日拦截 %3 · 今日告警 %4</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="187"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="226"/>
        <source>%1: saved</source>
        <translation>%1:已保存</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="264"/>
        <source>Import blacklist CSV</source>
        <translation>导入黑名单 CSV</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="265"/>
        <location filename="../../console/screens/blacklist/screen.py" line="292"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="280"/>
        <source>Imported: %1 added, %2 updated, %3 unchanged</source>
        <translation>已导入:新增 %1,修改 %2,未变 %3</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="291"/>
        <source>Export blacklist CSV</source>
        <translation>导出黑名单 CSV</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="302"/>
        <source>%1 entries written to %2</source>
        <translation>%1 条已写入 %2</translation>
    </message>
</context>
<context>
    <name>CampaignChart</name>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="90"/>
        <source>Dunning calls per half hour</source>
        <translation>每半小时催缴外呼</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="91"/>
        <source>Inbound service level, 15 minutes (%)</source>
        <translation>呼入服务水平（15 分钟，%）</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="93"/>
        <source>Dialed</source>
        <translation>已拨</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="93"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="93"/>
        <source>Notices delivered</source>
        <translation>已送达通知</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="97"/>
        <source>Centre</source>
        <translation>全中心</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="98"/>
        <source>Queue pacing the dialer (lowest)</source>
        <translation>决定外呼节奏的队列（半小时最低）</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="173"/>
        <source>Start campaign</source>
        <translation>开始催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="174"/>
        <source>Pause campaign</source>
        <translation>暂停催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="175"/>
        <source>Run today&apos;s plan</source>
        <translation>执行今日计划</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="176"/>
        <source>Export file…</source>
        <translation>导出文件…</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="177"/>
        <source>Import payments…</source>
        <translation>导入缴费…</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="178"/>
        <source>Suspension files:</source>
        <translation>停机文件：</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="192"/>
        <source>Waiting for switchlink…</source>
        <translation>正在等待 switchlink…</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="198"/>
        <source> · closed day: no calls</source>
        <translation> · 休息日：不外呼</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="200"/>
        <source>Campaign running</source>
        <translation>催缴进行中</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="200"/>
        <source>Campaign paused</source>
        <translation>催缴已暂停</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="201"/>
        <source> · %1 · window %2–%3</source>
        <translation> · %1 · 时段 %2–%3</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="217"/>
        <source>Queued %1 · in flight %2 · manual seat %3</source>
        <translation>排队 %1 · 通话中 %2 · 人工座席 %3</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="221"/>
        <source>Not called today: %1</source>
        <translation>今日不呼叫：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="228"/>
        <source>Not started: Start campaign dials today&apos;s plan.</source>
        <translation>未启动：点击“开始催缴”即按今日计划外呼。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="229"/>
        <source>Paused by %1.</source>
        <translation>由 %1 暂停。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="231"/>
        <source>The site declared today closed: no dunning calls.</source>
        <translation>今天为休息日：不进行催缴外呼。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="233"/>
        <source>Outside the dialing window: calls start again at %1.</source>
        <translation>不在外呼时段：%1 重新开始外呼。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="236"/>
        <source>%1 of %2 channels</source>
        <translation>%1 / %2 路通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/campaign.py" line="241"/>
        <source>%1 · %2: queue %3&apos;s 15-minute service level is %4, target %5</source>
        <translation>%1 · %2：队列 %3 的 15 分钟服务水平为 %4，目标 %5</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../console/shell/login.py" line="211"/>
        <source>Change your password</source>
        <extracomment>the password was changed the person chose to log out instead</extracomment>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="215"/>
        <source>{user}: your password was set by an administrator or is the first-run one. Choose your own before you go on.</source>
        <translation>{user}：您的密码由管理员设置或为首次运行时生成，请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="219"/>
        <source>{user}: choose a new password.</source>
        <translation>{user}：请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="221"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="222"/>
        <source>Repeat it:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="223"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="224"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="224"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="232"/>
        <source>Enter the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="235"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChannelMap</name>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="103"/>
        <location filename="../../console/screens/equipment/channel_map.py" line="148"/>
        <source>All boards</source>
        <extracomment>(kind &quot;channel&quot; | &quot;trunk&quot;, id, board)</extracomment>
        <translation>全部板卡</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="126"/>
        <source>{n} cells:</source>
        <translation>共 {n} 格：</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="135"/>
        <source>Channel map</source>
        <translation>通道图</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="136"/>
        <source>Board:</source>
        <translation>板卡：</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="137"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="138"/>
        <source>No channels of this board or kind on this switch.</source>
        <translation>该交换机上没有此板卡或此类型的通道。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/channel_map.py" line="142"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
</context>
<context>
    <name>ChartAxis</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="74"/>
        <source>ddd d</source>
        <extracomment>One redraw a second, whatever the data rate (pyqtgraph scrollingPlots pattern). Counts never go below 0: the y axis starts at 0 and grows above the data (at least this). pyqtgraph&apos;s strftime tick formats -&gt; Qt date formats in the UI language (context &quot;ChartAxis&quot;); strftime wrote English (&quot;Mon 30&quot;) on the Chinese chart, whatever the UI language</extracomment>
        <translation>d日 ddd</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="75"/>
        <source>d</source>
        <translation>d日</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="76"/>
        <source>MMM</source>
        <translation>MMM</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="77"/>
        <source>yyyy</source>
        <translation>yyyy年</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="229"/>
        <source>Offered (blue) and answered (green) per half hour</source>
        <extracomment>type scale for the wall&apos;s size (1.0 = 1080p), set by the main window the time axis follows this clock: the switch&apos;s (simulated time on the emulator)</extracomment>
        <translation>每半小时呼入量（蓝）与接通量（绿）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="231"/>
        <source>Service level %, last 4 hours</source>
        <translation>服务水平 %，最近 4 小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/charts.py" line="232"/>
        <source>Calls waiting, last 60 minutes</source>
        <translation>排队数，最近 60 分钟</translation>
    </message>
</context>
<context>
    <name>ComplaintFilters</name>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="87"/>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="87"/>
        <source>C&amp;lassification</source>
        <translation>分类(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="88"/>
        <source>&amp;Warning</source>
        <translation>预警(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="88"/>
        <source>Searc&amp;h</source>
        <translation>搜索(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="90"/>
        <source>words in descriptions and notes, a caller, an order number</source>
        <translation>投诉内容和意见中的文字、来电号码、工单号</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="92"/>
        <source>&amp;My department</source>
        <translation>本部门(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="93"/>
        <source>Accepted &amp;between</source>
        <translation>受理日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="94"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="95"/>
        <source>Any warning</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/filters.py" line="101"/>
        <source>All classifications</source>
        <translation>全部分类</translation>
    </message>
</context>
<context>
    <name>ComplaintReports</name>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="70"/>
        <source>&amp;Period</source>
        <translation>周期(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="71"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="72"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="75"/>
        <source>By classification</source>
        <translation>按服务请求分类</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="75"/>
        <source>By cause</source>
        <translation>按责任原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="76"/>
        <source>By department</source>
        <translation>按责任部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="80"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="80"/>
        <source>Cause</source>
        <translation>责任原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="81"/>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="81"/>
        <source>Orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="82"/>
        <source>On time</source>
        <translation>及时率</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="82"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="107"/>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/reports.py" line="113"/>
        <source>%1 orders in the period</source>
        <translation>本期共 %1 张工单</translation>
    </message>
</context>
<context>
    <name>ComplaintStrip</name>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="84"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="90"/>
        <source>%1 open orders at the %2 warning: click for the list</source>
        <translation>%1 张未结工单处于%2预警：点击查看列表</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="98"/>
        <source>Spike: %1%2 — %3 complaints (usually %4)</source>
        <translation>投诉突增：%1%2 — %3 件（平时约 %4 件）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="151"/>
        <source>Complaint warnings</source>
        <translation>投诉预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="152"/>
        <source>Announce fault…</source>
        <translation>播报故障…</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="153"/>
        <source>Effect…</source>
        <translation>效果…</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="155"/>
        <source>Calls through the announced menu before the notice and since</source>
        <translation>公告菜单在公告前后的来话量</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="162"/>
        <source>announce a fault in the IVR</source>
        <translation>在 IVR 中播报故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="165"/>
        <source>Put a fault announcement into the IVR&apos;s emergency notice for this menu</source>
        <translation>把故障公告放入该菜单的 IVR 紧急通知</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="14"/>
        <source>Yellow</source>
        <extracomment>warning levels, least severe first (S3: 黄、橙、红、黑四级预警)</extracomment>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="15"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="16"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="17"/>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="20"/>
        <location filename="../../console/screens/complaints/labels.py" line="40"/>
        <source>Accepted</source>
        <extracomment>the history&apos;s words for what happened (``create`` is the intake itself)</extracomment>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="21"/>
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="22"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="23"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="24"/>
        <source>Customer answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="25"/>
        <source>Reprocessing</source>
        <translation>再处理</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="26"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="29"/>
        <source>Answer at once</source>
        <translation>立即答复</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="30"/>
        <source>Dispatch</source>
        <translation>派发</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="31"/>
        <source>Interim note</source>
        <translation>中途意见</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="32"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="33"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="34"/>
        <source>Customer feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="35"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="36"/>
        <source>Reprocess</source>
        <translation>再处理</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="37"/>
        <source>Urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="42"/>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="43"/>
        <source>Letter</source>
        <translation>来信</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="44"/>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="45"/>
        <source>Web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="48"/>
        <location filename="../../console/screens/complaints/labels.py" line="59"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="49"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="50"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="53"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="54"/>
        <source>Major service error</source>
        <translation>重大服务差错</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="55"/>
        <source>Service error</source>
        <translation>服务差错</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="56"/>
        <source>Work error</source>
        <translation>工作差错</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="60"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="63"/>
        <source>Hourly</source>
        <translation>每小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="64"/>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="65"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="66"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="69"/>
        <source>agents</source>
        <translation>客服代表</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="70"/>
        <source>floor managers</source>
        <translation>现场资源管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="71"/>
        <source>team leaders</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="72"/>
        <location filename="../../console/screens/complaints/labels.py" line="73"/>
        <source>the quality-inspection desk</source>
        <translation>质检台</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="74"/>
        <source>departments</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="75"/>
        <source>maintenance staff</source>
        <translation>系统维护人员</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="76"/>
        <source>administrators</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="80"/>
        <source>agent</source>
        <extracomment>one person&apos;s role, as the timeline writes it after the name</extracomment>
        <translation>客服代表</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="81"/>
        <source>quality desk</source>
        <translation>质检台</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="82"/>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="83"/>
        <source>team leader</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="84"/>
        <source>group leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="85"/>
        <source>floor manager</source>
        <translation>现场资源管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="86"/>
        <source>maintenance</source>
        <translation>系统维护</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="87"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="108"/>
        <source>Other</source>
        <extracomment>what &quot;other&quot; is called in the catalogue&apos;s cause and department lists</extracomment>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="133"/>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="136"/>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="139"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/labels.py" line="142"/>
        <source>overdue %1</source>
        <translation>已超时%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="23"/>
        <source>Order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="24"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="25"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="26"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="27"/>
        <source>Classification</source>
        <translation>服务请求分类</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="28"/>
        <source>Caller</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="29"/>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="30"/>
        <source>Held by</source>
        <translation>当前处理部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="31"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="32"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/table_model.py" line="98"/>
        <source>%1 warning</source>
        <translation>%1预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/csv_export.py" line="42"/>
        <source>Export complaints CSV</source>
        <extracomment>the largest page ``complaints.list`` serves fields after the table&apos;s columns, kept as data (not translated)</extracomment>
        <translation>导出投诉工单 CSV</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/csv_export.py" line="43"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/csv_export.py" line="61"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/csv_export.py" line="65"/>
        <source>%1 orders written to %2</source>
        <translation>已将 %1 张工单写入 %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/lifecycle.py" line="62"/>
        <source>%1 is held by %2; only that department may %3.</source>
        <extracomment>every action, in button order actions that need a note before they are sent (the reason, the answer, the reply) actions that send a department the order roles are named in</extracomment>
        <translation>%1 当前在%2处理；只有该部门可以%3。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/lifecycle.py" line="67"/>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/lifecycle.py" line="68"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/lifecycle.py" line="70"/>
        <source>Only %1 may %2.</source>
        <translation>只有%1可以%2。</translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="161"/>
        <source>New complaint…</source>
        <extracomment>the list is asked again this often (time left runs on; others act on orders) ``complaints.show``&apos;s ``actions``: what this user may do to the shown order now urges already told: (order id, at)</extracomment>
        <translation>新建投诉…</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="161"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="162"/>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="162"/>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="165"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="167"/>
        <source>Work orders</source>
        <translation>投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="168"/>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="188"/>
        <source>accept complaints</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="247"/>
        <source>%1 urged by %2: %3</source>
        <translation>%1 被 %2 催办：%3</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="267"/>
        <source>see complaints</source>
        <translation>查看投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="298"/>
        <source>No orders match</source>
        <translation>没有符合条件的工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="300"/>
        <source>%1–%2 of %3</source>
        <translation>第 %1–%2 张，共 %3 张</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="368"/>
        <source>%1: %2 done</source>
        <translation>%1：已%2</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="387"/>
        <source>%1 changed this order (%2, %3) while you were on it. It is reloaded; your note is kept — check and send again.</source>
        <translation>您处理期间 %1 修改了此工单（%2，%3）。工单已重新载入，您填写的意见已保留——请核对后再次提交。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/screen.py" line="406"/>
        <source>%1 accepted</source>
        <translation>已受理 %1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="54"/>
        <source>Apply the longer window…</source>
        <translation>采用更长的拦截时间…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="56"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="56"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="56"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="56"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="58"/>
        <source>Arrived</source>
        <translation>呼入时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="58"/>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="58"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="58"/>
        <source>Agent</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="59"/>
        <source>History: every change</source>
        <translation>历史:每一次变更</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="60"/>
        <source>Screened calls</source>
        <translation>拦截/告警的呼叫</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="70"/>
        <source>Select an entry to see its history</source>
        <translation>选择一条记录查看历史</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="80"/>
        <source>No end</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="81"/>
        <source>%1, from %2 until %3. Reason: %4</source>
        <translation>%1,从 %2 至 %3。原因:%4</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="89"/>
        <source>Repeat offender: blocked %1 times in %2 days. Suggested: block until %3.</source>
        <translation>屡犯:%2 天内被拦截 %1 次。建议拦截至 %3。</translation>
    </message>
</context>
<context>
    <name>Dunning</name>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="37"/>
        <source>Account</source>
        <extracomment>the column titles for lupdate (RowsModel translates them at paint time, context Dunning)</extracomment>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="38"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="38"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="39"/>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="39"/>
        <source>Unpaid bills</source>
        <translation>未缴账单</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="40"/>
        <source>Since</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="40"/>
        <source>Seat</source>
        <translation>座席</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/accounts.py" line="41"/>
        <source>Promise</source>
        <translation>承诺缴费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="11"/>
        <source>First notice</source>
        <translation>首次催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="12"/>
        <source>Second notice</source>
        <translation>再次催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="13"/>
        <source>One-way suspended</source>
        <translation>单向停机</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="14"/>
        <source>Two-way suspended</source>
        <translation>双向停机</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="15"/>
        <source>Collection (manual)</source>
        <translation>催缴组（人工）</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="16"/>
        <source>Paid up</source>
        <translation>已缴清</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="19"/>
        <source>Dialing</source>
        <translation>正在拨号</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="20"/>
        <source>Notice delivered</source>
        <translation>通知已送达</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="21"/>
        <source>Answering machine</source>
        <translation>答录机</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="22"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="23"/>
        <source>Busy</source>
        <translation>忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="24"/>
        <source>Invalid number</source>
        <translation>空号</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="25"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="26"/>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="27"/>
        <source>Promised to pay</source>
        <translation>承诺缴费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="28"/>
        <source>Refused to pay</source>
        <translation>拒绝缴费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="29"/>
        <source>Wrong person</source>
        <translation>非本人</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="35"/>
        <source>Dialing at full speed</source>
        <extracomment>what a person at the manual seat records, in menu order</extracomment>
        <translation>全速外呼</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="36"/>
        <source>Slowed</source>
        <translation>已减速</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="37"/>
        <source>Held back</source>
        <translation>已暂停外呼</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="40"/>
        <source>paid</source>
        <translation>已缴费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="41"/>
        <source>promised</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="42"/>
        <source>open charge complaint</source>
        <translation>计费投诉未结</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="43"/>
        <source>blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="44"/>
        <source>do not call</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="45"/>
        <source>daily cap</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="46"/>
        <source>weekly cap</source>
        <translation>每周上限</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="47"/>
        <source>waiting for the recall</source>
        <translation>等待再次催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="48"/>
        <source>done today</source>
        <translation>今日已完成</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="49"/>
        <source>closed day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="52"/>
        <source>manual</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="53"/>
        <source>robot</source>
        <translation>自动外呼</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="56"/>
        <source>Dialed</source>
        <translation>已拨</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="57"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="58"/>
        <source>Notices delivered</source>
        <translation>已送达通知</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="59"/>
        <source>Promises</source>
        <translation>承诺缴费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="60"/>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="63"/>
        <source>One-way suspension file</source>
        <translation>单向停机文件</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="64"/>
        <source>Two-way / malicious arrears file</source>
        <translation>双向停机 / 恶意欠费文件</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/labels.py" line="65"/>
        <source>Restore after payment file</source>
        <translation>缴费复机文件</translation>
    </message>
</context>
<context>
    <name>DunningScreen</name>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="60"/>
        <source>Today&apos;s campaign</source>
        <translation>今日催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="60"/>
        <source>Accounts</source>
        <translation>欠费账户</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="61"/>
        <source>Remote seat</source>
        <translation>远程座席</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="75"/>
        <source>run the dunning campaign</source>
        <translation>运行催缴外呼</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="77"/>
        <source>import and export dunning files</source>
        <translation>导入导出催缴文件</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="79"/>
        <source>work the manual dunning seat</source>
        <translation>使用人工催缴座席</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="134"/>
        <source>no files</source>
        <translation>无文件</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="135"/>
        <source>Planned %1: %2 to call, %3 for the manual seat; %4</source>
        <translation>已计划 %1：自动外呼 %2 户，人工座席 %3 户；%4</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="150"/>
        <source>Export suspension file</source>
        <translation>导出停机文件</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="151"/>
        <location filename="../../console/screens/dunning/screen.py" line="166"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="159"/>
        <source>%1 rows written to %2</source>
        <translation>已写入 %1 行到 %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="165"/>
        <source>Import payments (reconciliation)</source>
        <translation>导入缴费（对账）</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="177"/>
        <source>Payments: %1 imported, %2 seen before; %3 accounts paid up, %4 to restore</source>
        <translation>缴费：导入 %1 笔，重复 %2 笔；%3 户已缴清，%4 户待复机</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="186"/>
        <source>%1 was not imported; nothing changed.</source>
        <translation>%1 未导入；没有任何更改。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="187"/>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="197"/>
        <source>Nobody is waiting in the collection queue.</source>
        <translation>催缴队列中没有待呼叫的账户。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="205"/>
        <source>Dialing %1…</source>
        <translation>正在拨打 %1…</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="208"/>
        <source>Call %1 placed through the switch</source>
        <translation>已通过交换机发起呼叫 %1</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/screen.py" line="214"/>
        <source>%1: outcome recorded</source>
        <translation>%1：结果已记录</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="30"/>
        <source>Enter the caller&apos;s number.</source>
        <extracomment>what the console says for each kind of number mistake (models.phone_numbers codes)</extracomment>
        <translation>请输入来电号码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="31"/>
        <source>A number has digits, spaces, dashes and a leading + only.</source>
        <translation>号码只能包含数字、空格、短横线和开头的 +。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="33"/>
        <source>Too long to be a telephone number.</source>
        <translation>太长,不是电话号码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="34"/>
        <source>A landline needs its area code, e.g. 0871-12345678.</source>
        <translation>固定电话须带区号,例如 0871-12345678。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="36"/>
        <source>A mobile number has 11 digits and starts 13 to 19.</source>
        <translation>手机号码为 11 位,以 13 至 19 开头。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="38"/>
        <source>A landline is the area code and a 7- or 8-digit number.</source>
        <translation>固定电话为区号加 7 或 8 位号码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="40"/>
        <source>Service numbers: 95xxx/96xxx (5-8 digits), 400/800 (10 digits).</source>
        <translation>服务号码:95xxx/96xxx(5-8 位),400/800(10 位)。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="42"/>
        <source>Emergency and short codes cannot be blacklisted.</source>
        <translation>紧急号码和短号不能列入黑名单。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="44"/>
        <source>An international number is + country code and 8-15 digits.</source>
        <translation>国际号码为 + 国家代码,共 8-15 位。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="58"/>
        <source>Edit blacklist entry</source>
        <extracomment>a reply sent by the dialog: (command args, on_error(message)) -&gt; None</extracomment>
        <translation>修改黑名单</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="59"/>
        <source>Add to the blacklist</source>
        <translation>添加黑名单</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="73"/>
        <source>For</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="74"/>
        <source>Until</source>
        <translation>截止到</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="75"/>
        <source>No end</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="80"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="81"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="93"/>
        <source>Harassing number</source>
        <translation>骚扰电话</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="94"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="95"/>
        <source>Customer level</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="96"/>
        <source>Blocked from</source>
        <translation>拦截开始</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="97"/>
        <source>Blocking time</source>
        <translation>拦截时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="98"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="144"/>
        <source>Number: %1</source>
        <translation>号码:%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="148"/>
        <source>Give a reason: it is kept in the history and the audit.</source>
        <translation>请填写原因:它会记入历史和审计。</translation>
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="22"/>
        <source>Idle</source>
        <extracomment>a channel cell&apos;s colour by state (like the agent grid: one glance, no reading) the legend&apos;s order</extracomment>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="23"/>
        <source>Busy</source>
        <translation>忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="24"/>
        <source>Testing</source>
        <translation>测试中</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="25"/>
        <source>Stuck</source>
        <translation>挂死</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="26"/>
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="27"/>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="28"/>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="29"/>
        <source>Degraded</source>
        <translation>部分故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="30"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="31"/>
        <location filename="../../console/screens/equipment/models.py" line="249"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="32"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="36"/>
        <source>ACD</source>
        <translation>ACD</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="37"/>
        <source>IVR</source>
        <translation>IVR</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="38"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="39"/>
        <source>Trunk</source>
        <translation>中继</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="40"/>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="41"/>
        <location filename="../../console/screens/equipment/models.py" line="238"/>
        <location filename="../../console/screens/equipment/models.py" line="246"/>
        <source>Board</source>
        <translation>板卡</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="42"/>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="45"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="46"/>
        <source>Loopback test</source>
        <translation>环回测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="47"/>
        <source>Prompt test</source>
        <translation>放音测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="48"/>
        <source>Fax test</source>
        <translation>传真测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="51"/>
        <source>Drop the link</source>
        <translation>断开链路</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="52"/>
        <source>Fail a board</source>
        <translation>板卡故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="53"/>
        <source>Stick a channel</source>
        <translation>通道挂死</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="54"/>
        <source>Delay events</source>
        <translation>事件延迟</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="55"/>
        <source>Noise on a line</source>
        <translation>线路噪声</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="58"/>
        <source>floor manager</source>
        <translation>现场资源管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="59"/>
        <source>supervisor</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="60"/>
        <source>quality inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="61"/>
        <source>maintenance</source>
        <translation>系统维护</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="62"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="66"/>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="67"/>
        <source>Your role may not do this: it needs the {roles} role.</source>
        <translation>您的角色无权执行此操作：需要{roles}角色。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="31"/>
        <source>since start</source>
        <extracomment>a cell&apos;s data for the delegate: (id, state, tooltip)</extracomment>
        <translation>自启动以来</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="39"/>
        <source>{reason} — {by}, {since}</source>
        <translation>{reason} — {by}，{since}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="48"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="48"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="49"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="50"/>
        <source>Calls</source>
        <translation>呼叫数</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="50"/>
        <source>Errors</source>
        <translation>故障数</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="51"/>
        <source>Tests ✓/✗</source>
        <translation>测试 ✓/✗</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="52"/>
        <source>Round trip / reconnects (1 h)</source>
        <translation>往返时延 / 重连（1小时）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="53"/>
        <source>Last error / out of service</source>
        <translation>最近故障 / 停用原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="195"/>
        <source>Since: {when}</source>
        <translation>起始：{when}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="198"/>
        <source>Call: {call}</source>
        <translation>通话：{call}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="237"/>
        <source>Time (switch clock)</source>
        <translation>时间（交换机时钟）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="239"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="240"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="241"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="242"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="243"/>
        <source>What was measured</source>
        <translation>测量结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="247"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="248"/>
        <source>Tests</source>
        <translation>测试数</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/models.py" line="250"/>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
</context>
<context>
    <name>EquipmentScreen</name>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="155"/>
        <source>{result}: {test} on {target} — {detail}</source>
        <extracomment>equipment changed while this tab was hidden: rebuilt when it is shown (kind, id, board) of the selected equipment tests this console started, waiting for their result in the mirror</extracomment>
        <translation>{result}：{target} {test} — {detail}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="159"/>
        <source>Measured: {values}</source>
        <translation>测量值：{values}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="176"/>
        <source>Selected: {kind} {id} (board {board})</source>
        <translation>已选：{kind} {id}（板卡 {board}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="191"/>
        <source>Sweep started.</source>
        <translation>巡检已开始。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="195"/>
        <source>Type the loopback fax number first.</source>
        <translation>请先输入环回传真号码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="200"/>
        <source>Select a board (or one of its channels) first.</source>
        <translation>请先选择板卡（或其上的通道）。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="204"/>
        <source>Select a channel in the map first.</source>
        <translation>请先在通道图中选择通道。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="213"/>
        <source>Select a channel, trunk or board first.</source>
        <translation>请先选择通道、中继或板卡。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="216"/>
        <source>Reset {target}? Calls on it are cut.</source>
        <translation>复位 {target}？其上的通话将被切断。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="219"/>
        <source>{target} reset.</source>
        <translation>{target} 已复位。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="221"/>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="222"/>
        <source>Why is {target} taken out of service?</source>
        <translation>停用 {target} 的原因？</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="226"/>
        <source>{target} is out of service.</source>
        <translation>{target} 已停用。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="229"/>
        <source>{target} is back in service.</source>
        <translation>{target} 已启用。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="233"/>
        <source>Rehearsal: all faults cleared.</source>
        <translation>演练：已清除全部故障。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="234"/>
        <source>Rehearsal started: {fault} {target}</source>
        <translation>演练开始：{fault} {target}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="241"/>
        <source>Test {id} started on {target}…</source>
        <translation>测试 {id} 已在 {target} 上开始…</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="249"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="269"/>
        <source>Test history refused: {reason}</source>
        <translation>测试记录被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="281"/>
        <source>Cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="284"/>
        <source>{n} results written to {path}</source>
        <translation>已将 {n} 条结果写入 {path}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="293"/>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="297"/>
        <source>Export test history</source>
        <translation>导出测试记录</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="303"/>
        <source>Links, boards and trunks</source>
        <translation>链路、板卡与中继</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="304"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="305"/>
        <source>Test history</source>
        <translation>测试记录</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../console/shell/notices.py" line="38"/>
        <source>First start: administrator account</source>
        <extracomment>Qt platforms with nobody in front of them: no modal dialog there (it would never close)</extracomment>
        <translation>首次启动：管理员账户</translation>
    </message>
    <message>
        <location filename="../../console/shell/notices.py" line="40"/>
        <source>callfloor created the administrator account &lt;b&gt;{user}&lt;/b&gt; with this password:</source>
        <translation>callfloor 已创建管理员账户 &lt;b&gt;{user}&lt;/b&gt;，密码如下：</translation>
    </message>
    <message>
        <location filename="../../console/shell/notices.py" line="44"/>
        <source>It is shown only this once and is not written to any log. This console is already logged in as {user}. Write the password down, or set your own in a terminal:
  main.py ctl login {user}
  main.py ctl passwd</source>
        <translation>此密码只显示这一次，不写入任何日志。本控制台已以 {user} 登录。请记下密码，或在终端中设置您自己的密码：
  main.py ctl login {user}
  main.py ctl passwd</translation>
    </message>
</context>
<context>
    <name>FloorSummary</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/floor_summary.py" line="147"/>
        <source>Floor by group, fewest ready first (click: its agents)</source>
        <translation>按组查看现场，示闲最少的在前（点击查看该组坐席）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/floor_summary.py" line="149"/>
        <source>By team</source>
        <translation>按班组</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/floor_summary.py" line="150"/>
        <source>By skill group</source>
        <translation>按技能组</translation>
    </message>
</context>
<context>
    <name>FloorSummaryModel</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/floor_summary.py" line="75"/>
        <source>Team</source>
        <extracomment>the columns: on a call, free, away, then the total logged in</extracomment>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/floor_summary.py" line="75"/>
        <source>Skill group</source>
        <translation>技能组</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/floor_summary.py" line="77"/>
        <source>Logged in</source>
        <translation>已登录</translation>
    </message>
</context>
<context>
    <name>ForecastTable</name>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="39"/>
        <source>No history yet</source>
        <translation>暂无历史数据</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="46"/>
        <source>{time}: {calls} calls</source>
        <translation>{time}：{calls} 个来话</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="59"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="59"/>
        <source>Calls forecast</source>
        <translation>预测来话量</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="60"/>
        <source>Busiest half hour</source>
        <translation>最忙半小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="60"/>
        <source>Today&apos;s level</source>
        <translation>今日水平</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/forecast_table.py" line="62"/>
        <source>Calls so far today ÷ the forecast for the same half hours; the rest of today is scaled by it (0.5–2)</source>
        <translation>今日至今来话 ÷ 同时段预测；今日余下时段按此比例调整（0.5–2）</translation>
    </message>
</context>
<context>
    <name>FromCallButton</name>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="191"/>
        <source>Complaint from this call…</source>
        <translation>由此通话建投诉…</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/wall.py" line="192"/>
        <source>A new complaint with this caller, level and IVR trail</source>
        <translation>新建投诉，自动填入该来电号码、客户级别和 IVR 路径</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="151"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="151"/>
        <source>FAIL</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="159"/>
        <source>Test history</source>
        <translation>测试记录</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="160"/>
        <source>Pass rate per board and day</source>
        <translation>各板卡每日通过率</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="161"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="162"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="212"/>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="215"/>
        <source>%1: %2 bad row(s). Nothing was imported; correct the file and import it again.</source>
        <translation>%1:%2 行有错误。没有导入任何记录;请改正文件后重新导入。</translation>
    </message>
</context>
<context>
    <name>IvrScreen</name>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="110"/>
        <source>Flow:</source>
        <translation>IVR流程：</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="111"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="112"/>
        <source>Emergency notice…</source>
        <translation>紧急通知…</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="113"/>
        <source>Test-play prompt</source>
        <translation>试听提示音</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="114"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="114"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="114"/>
        <location filename="../../console/screens/ivr/screen.py" line="117"/>
        <source>Callers</source>
        <translation>来电数</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="115"/>
        <source>Entered today</source>
        <translation>今日进入</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="115"/>
        <source>Dropped</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="116"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="117"/>
        <source>Went to</source>
        <translation>去向</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="118"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="119"/>
        <source>Funnel of the selected menu</source>
        <translation>所选菜单的流向</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="120"/>
        <source>Calls in the IVR or queued from it</source>
        <translation>语音导航中及由此排队的来电</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="121"/>
        <source>Trail of the selected call</source>
        <translation>所选来电的轨迹</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="146"/>
        <source>reload flows or set the emergency notice</source>
        <translation>重新加载流程或设置紧急通告</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="217"/>
        <source>%1 callers in the flow now · %2 dropped out today</source>
        <translation>当前流程中 %1 个来电 · 今日流失 %2 个</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="226"/>
        <source>Emergency notice: %1</source>
        <translation>紧急通知：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="230"/>
        <source>No emergency notice</source>
        <translation>无紧急通知</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="242"/>
        <source>(done, call ended here)</source>
        <translation>（在此办结）</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="244"/>
        <source>(hung up here)</source>
        <translation>（在此挂机）</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="248"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="286"/>
        <source>Menu position: %1</source>
        <translation>菜单位置：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="296"/>
        <source>Flow %1 reloaded; callers already in it finish the old flow</source>
        <translation>流程 %1 已重新加载；已在流程中的来电按原流程走完</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="309"/>
        <source>Emergency notice updated</source>
        <translation>紧急通知已更新</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="319"/>
        <source>Choose a node with a prompt and an idle IVR channel</source>
        <translation>请选择有提示音的节点和空闲的IVR通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="324"/>
        <source>Playing the prompt of %1 on %2</source>
        <translation>正在通道 %2 上播放 %1 的提示音</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="330"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="334"/>
        <source>IVR</source>
        <translation>语音导航</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="16"/>
        <source>announce</source>
        <extracomment>node types as the view names them (translated in the IvrScreen context)</extracomment>
        <translation>播报</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="16"/>
        <source>menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="17"/>
        <source>language</source>
        <translation>语种</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="17"/>
        <source>collect</source>
        <translation>收号</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="18"/>
        <source>lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="18"/>
        <source>verify</source>
        <translation>密码验证</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="19"/>
        <source>transfer</source>
        <translation>转队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="19"/>
        <location filename="../../console/screens/ivr/tree.py" line="24"/>
        <source>agent</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="20"/>
        <source>connect</source>
        <translation>外接</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="20"/>
        <source>survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="21"/>
        <source>hangup</source>
        <translation>挂机</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="21"/>
        <source>jump</source>
        <translation>跳转</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="23"/>
        <source>start</source>
        <translation>入口</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="23"/>
        <source>VIP entry</source>
        <translation>大客户入口</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/tree.py" line="24"/>
        <source>help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="17"/>
        <source>Yellow</source>
        <extracomment>Alarm levels from least to most severe (S3: 黄、橙、红、黑四级预警).</extracomment>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="18"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="19"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="20"/>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
</context>
<context>
    <name>LiftDialog</name>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="178"/>
        <source>Lift %1</source>
        <translation>解除 %1</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="183"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="189"/>
        <source>The caller becomes a normal customer again; the history is kept.</source>
        <translation>该号码恢复为普通客户;历史记录保留。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/dialogs.py" line="201"/>
        <source>Give a reason: it is kept in the history and the audit.</source>
        <translation>请填写原因:它会记入历史和审计。</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../console/shell/log_dialog.py" line="60"/>
        <source>switchlink log</source>
        <extracomment>The tail shown, so a long-running daemon&apos;s log does not flood the dialog.</extracomment>
        <translation>switchlink 日志</translation>
    </message>
    <message>
        <location filename="../../console/shell/log_dialog.py" line="62"/>
        <source>Attached to a remote switchlink: its log is on that machine.</source>
        <translation>已连接远程 switchlink：日志在该服务器上。</translation>
    </message>
    <message>
        <location filename="../../console/shell/log_dialog.py" line="65"/>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/shell/login.py" line="34"/>
        <source>Wrong user name or password.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;text&quot;) with a literal context</extracomment>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="40"/>
        <source>Too many failed logins: try again in %n s, or ask an administrator to unlock.</source>
        <translation>登录失败次数过多：请 %n 秒后再试，或请管理员解锁。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="47"/>
        <source>No answer from switchlink ({message}); try again.</source>
        <translation>switchlink 无应答（{message}），请重试。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="105"/>
        <source>Log in to switchlink</source>
        <extracomment>the ``login`` answer (session, username, role, permissions, …) the title again inside: a window-modal sheet (or a wall without a window manager) shows no title bar</extracomment>
        <translation>登录 switchlink</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="108"/>
        <source>switchlink at {endpoint}</source>
        <translation>switchlink 地址 {endpoint}</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="114"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="115"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="116"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="117"/>
        <source>Cancel (view only)</source>
        <translation>取消（仅查看）</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="126"/>
        <source>Enter a user name and a password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="142"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../console/shell/login.py" line="147"/>
        <source>switchlink gave no session; try again.</source>
        <translation>switchlink 未返回会话，请重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/shell/menus.py" line="58"/>
        <source>Wall display (full screen)</source>
        <extracomment>action -&gt; (text, tooltip), untranslated; the language actions name themselves natively</extracomment>
        <translation>大屏显示（全屏）</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="59"/>
        <source>Frameless full screen on the chosen monitor</source>
        <translation>在所选显示器上无边框全屏</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="60"/>
        <source>switchlink log…</source>
        <translation>switchlink 日志…</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="61"/>
        <source>Show the local switchlink&apos;s log</source>
        <translation>查看本机 switchlink 的日志</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="62"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="63"/>
        <source>Close the console (and the local switchlink)</source>
        <translation>关闭控制台（以及本机 switchlink）</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="64"/>
        <source>Leave wall display</source>
        <translation>退出大屏显示</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="65"/>
        <source>Back to a normal window</source>
        <translation>恢复为普通窗口</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="66"/>
        <source>Dark theme (wall)</source>
        <translation>深色主题（大屏）</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="67"/>
        <source>High-contrast dark theme</source>
        <translation>高对比度深色主题</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="68"/>
        <source>Light theme (desk)</source>
        <translation>浅色主题（桌面）</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="69"/>
        <source>Light theme for desk use</source>
        <translation>适合桌面使用的浅色主题</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="70"/>
        <source>Switch the interface to Simplified Chinese</source>
        <translation>界面切换为简体中文</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="72"/>
        <source>Switch the interface to English</source>
        <translation>界面切换为英文</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="74"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/shell/menus.py" line="74"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/shell/window.py" line="160"/>
        <source>callfloor — hotline floor wall-board</source>
        <extracomment>the first window takes this share of the screen&apos;s free area, centred a screen has painted live data for the first time (used by ``--screenshot``) the user asked for a theme (&quot;dark&quot; | &quot;light&quot;) the user asked for a language (&quot;zh_CN&quot; | &quot;en&quot;) type scale of the style sheet in force (1.0 = the 1080p design)</extracomment>
        <translation>callfloor — 客服热线现场监控大屏</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="29"/>
        <source>Calls waiting</source>
        <extracomment>Names of the metrics alarms watch, for the list (context &quot;Metric&quot;).</extracomment>
        <translation>排队数</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="30"/>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="31"/>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="32"/>
        <source>Abandon rate</source>
        <translation>放弃率</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="33"/>
        <source>Agents ready</source>
        <translation>示闲坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="34"/>
        <source>Agents not ready</source>
        <translation>示忙坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="35"/>
        <source>Average speed of answer</source>
        <translation>平均应答时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="36"/>
        <source>Blocked today</source>
        <translation>今日拦截</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="37"/>
        <source>Hold time</source>
        <translation>保持时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="38"/>
        <source>After-call work time</source>
        <translation>后续处理时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="39"/>
        <source>Not-ready time</source>
        <translation>示忙时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="40"/>
        <source>Call duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="41"/>
        <source>Board down</source>
        <translation>板卡故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="42"/>
        <source>Channel stuck</source>
        <translation>通道挂死</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="43"/>
        <source>Channel failed its test</source>
        <translation>通道测试未通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="44"/>
        <source>Link lost</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="45"/>
        <source>Link latency (ms)</source>
        <translation>链路时延（毫秒）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="47"/>
        <source>Complaint orders at yellow</source>
        <translation>黄色预警投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="48"/>
        <source>Complaint orders at orange</source>
        <translation>橙色预警投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="49"/>
        <source>Complaint orders at red</source>
        <translation>红色预警投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="50"/>
        <source>Complaint orders overdue</source>
        <translation>超时投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="51"/>
        <source>Complaint spike (−log₁₀ p)</source>
        <translation>投诉突增（−log₁₀ p）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="60"/>
        <source>(15 min)</source>
        <extracomment>How the metrics engine&apos;s windows read after a metric name (context &quot;Metric&quot;).</extracomment>
        <translation>（15分钟）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="61"/>
        <source>(today)</source>
        <translation>（今日）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="62"/>
        <source>(this half hour)</source>
        <translation>（本半小时）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="77"/>
        <source>{metric} {window}</source>
        <translation>{metric}{window}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="87"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="88"/>
        <source>escalated, not acknowledged</source>
        <translation>已升级，未确认</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="89"/>
        <source>{level} ({note})</source>
        <translation>{level}（{note}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="128"/>
        <source>Whole center</source>
        <translation>全中心</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="139"/>
        <source>Complaint deadlines</source>
        <translation>投诉工单时限</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="142"/>
        <source>Complaints: %1</source>
        <translation>投诉：%1</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="74"/>
        <source>New complaint</source>
        <extracomment>(command args, on_error(message)) -&gt; None: the screen sends ``complaints.new``</extracomment>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="77"/>
        <source>None (not from a call)</source>
        <translation>无（非来电）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="80"/>
        <source>%1 · agent %2 %3</source>
        <translation>%1 · 坐席 %2 %3</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="99"/>
        <source>Cross-region complaint</source>
        <translation>跨区域投诉</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="105"/>
        <source>One reference a line: a document number, a file path or a link</source>
        <translation>每行一个：单据编号、文件路径或链接</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="114"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="119"/>
        <source>From the call</source>
        <translation>来自通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="120"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="121"/>
        <source>Customer level</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="122"/>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="123"/>
        <source>Classification</source>
        <translation>服务请求分类</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="124"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="125"/>
        <source>Responsibility cause</source>
        <translation>责任原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="126"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="127"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="128"/>
        <source>Error class</source>
        <translation>差错类别</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="129"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="130"/>
        <source>IVR trail</source>
        <translation>IVR 路径</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="156"/>
        <source>(not known yet)</source>
        <translation>（暂不确定）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="205"/>
        <source>Enter the caller&apos;s number.</source>
        <translation>请输入来电号码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="207"/>
        <source>Choose a classification in the tree.</source>
        <translation>请在分类树中选择服务请求分类。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="209"/>
        <source>Describe the complaint.</source>
        <translation>请填写投诉内容。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/create_dialog.py" line="211"/>
        <source>The description is %1 characters; at most %2.</source>
        <translation>投诉内容有 %1 个字，最多 %2 个字。</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="100"/>
        <source>Customer satisfied</source>
        <extracomment>button -&gt; (action, satisfied); feedback is two buttons, the customer&apos;s yes and no buttons in a row why an action is not allowed for this user on the shown order (&quot;&quot; = allowed)</extracomment>
        <translation>客户满意</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="101"/>
        <source>Not satisfied</source>
        <translation>客户不满意</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="106"/>
        <source>Note or reason — needed to reply, return or reprocess; kept if the order changed meanwhile</source>
        <translation>意见或原因——回复、退回时必填；工单被他人修改时会保留</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="108"/>
        <source>Dispatch to</source>
        <translation>派发至</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="133"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="161"/>
        <source>Write a note first: %1 needs one.</source>
        <translation>请先填写意见：%1需要填写。</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/action_bar.py" line="166"/>
        <source>The note is %1 characters; at most %2.</source>
        <translation>意见有 %1 个字，最多 %2 个字。</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="92"/>
        <source>Caller</source>
        <extracomment>the fields shown, in order: (key, label); labels are translated in retranslate_ui fields given a whole row</extracomment>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="92"/>
        <source>Customer level</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="93"/>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="93"/>
        <source>Classification</source>
        <translation>服务请求分类</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="94"/>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="94"/>
        <source>Responsibility cause</source>
        <translation>责任原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="95"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="96"/>
        <source>Held by</source>
        <translation>当前处理部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="96"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="97"/>
        <source>Cross-region</source>
        <translation>跨区域</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="97"/>
        <source>Error class</source>
        <translation>差错类别</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="98"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="98"/>
        <source>From call</source>
        <translation>来自通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="99"/>
        <source>IVR trail</source>
        <translation>IVR 路径</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="99"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="100"/>
        <source>Due</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="100"/>
        <source>Customer satisfied</source>
        <translation>客户满意</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="104"/>
        <source>History</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="106"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="106"/>
        <source>Who</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="106"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="106"/>
        <source>Note</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="121"/>
        <source>Select an order to see its history</source>
        <translation>选择一张工单查看处理经过</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="128"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="128"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="145"/>
        <source>%1 by %2</source>
        <translation>%1，%2 受理</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="164"/>
        <source>%1 warning · %2</source>
        <translation>%1预警 · %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="168"/>
        <source>Time left: %1</source>
        <translation>剩余时限：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="177"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/screens/complaints/detail.py" line="181"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>PlanningForm</name>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="92"/>
        <source>Cannot compute: {problem}</source>
        <translation>无法计算：{problem}</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="96"/>
        <source>CSRs needed: {n}</source>
        <translation>所需座席员：{n} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="98"/>
        <source>{hours} h of talk a month ÷ {capacity} h of talk per CSR = {exact}</source>
        <translation>每月通话 {hours} 小时 ÷ 每名座席员 {capacity} 小时 = {exact}</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="108"/>
        <source>Team leaders for {low}–{high} CSRs each: {min} to {max}</source>
        <translation>按每名班长带 {low}–{high} 名座席员：需班长 {min} 至 {max} 名</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="117"/>
        <source>Too few team leaders: {ratio} CSRs each (at most {high})</source>
        <translation>班长过少：每名班长带 {ratio} 名座席员（至多 {high} 名）</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="120"/>
        <source>Too many team leaders: {ratio} CSRs each (at least {low})</source>
        <translation>班长过多：每名班长带 {ratio} 名座席员（至少 {low} 名）</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="123"/>
        <source>Team leaders: {ratio} CSRs each, within {low}–{high}</source>
        <translation>班长配比：每名班长带 {ratio} 名座席员，在 {low}–{high} 之内</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="135"/>
        <source>Over the legal limit: {overtime} h of overtime a month per person, at most {limit} h above the standard {standard} h</source>
        <translation>超出法定上限：每人每月加班 {overtime} 小时，标准 {standard} 小时之外至多 {limit} 小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="140"/>
        <source>Includes {overtime} h of overtime a month per person (at most {limit} h above the standard {standard} h)</source>
        <translation>含每人每月加班 {overtime} 小时（标准 {standard} 小时之外至多 {limit} 小时）</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="145"/>
        <source>Within the standard {standard} h month</source>
        <translation>在每月标准 {standard} 小时之内</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="151"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="152"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="153"/>
        <source>Monthly plan (S1 staffing formula)</source>
        <translation>月度人员规划（S1 座席配置公式）</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="154"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="156"/>
        <source>Calls a month</source>
        <translation>月话务量</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="156"/>
        <source>Average talk time</source>
        <translation>平均通话时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="157"/>
        <source>Connection rate</source>
        <translation>接通率</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="157"/>
        <source>Work time per person a month</source>
        <translation>每人月工作时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="158"/>
        <source>Attendance rate</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="158"/>
        <source>Utilisation</source>
        <translation>工时利用率</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="159"/>
        <source>Planned team leaders (0: advise only)</source>
        <translation>计划班长人数（0：仅给建议）</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/planning.py" line="162"/>
        <source>CSRs = calls a month × talk time × connection rate ÷ (work time per person × attendance rate × utilisation)</source>
        <translation>座席员人数 = 月话务量 × 平均通话时长 × 接通率 ÷（每人月工作时长 × 出勤率 × 工时利用率）</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="17"/>
        <source>Queue</source>
        <extracomment>(title, source, field, format); source &quot;q&quot; = queue/&lt;id&gt;, &quot;m&quot; = metrics/queue/&lt;id&gt;, &quot;s&quot; = staffing/queue/&lt;id&gt; (issue 18: Erlang C agents required beside those available)</extracomment>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="18"/>
        <source>Waiting</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="19"/>
        <source>Longest</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="21"/>
        <source>SL</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="23"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="24"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="25"/>
        <source>Staffed</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="26"/>
        <source>Needed</source>
        <translation>需配</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="27"/>
        <source>Talking</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="28"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="29"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="30"/>
        <source>Abandon</source>
        <translation>放弃率</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="32"/>
        <source>ASA</source>
        <translation>平均应答</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="34"/>
        <source>Satisfied</source>
        <translation>答复满意率</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="45"/>
        <source>{queue}: {level} alarm</source>
        <extracomment>a column&apos;s stable name in the saved layout (its field) columns a fresh wall does not show: fourteen did not fit a 1080p wall (queue names were cut to &quot;…&quot;). The centre&apos;s tiles carry talking and today&apos;s totals; the rows keep what says a queue needs someone (waiting, SL, staffing, abandons, ASA). The header&apos;s menu adds them.</extracomment>
        <translation>{queue}：{level}预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="48"/>
        <source>Agents ready for this queue. An agent with several skill groups counts in each, so the column adds up to more than the centre&apos;s tile.</source>
        <extracomment>header tooltips; Ready / Talking deliberately count an agent in every skill group they have</extracomment>
        <translation>可接此队列的就绪坐席。一名坐席有多个技能组时在每个组都计一次，所以本列合计会大于全中心的数字。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="51"/>
        <source>Agents talking who have this skill group. An agent with several skill groups counts in each, so the column adds up to more than the centre&apos;s tile.</source>
        <translation>具有此技能组的通话中坐席。一名坐席有多个技能组时在每个组都计一次，所以本列合计会大于全中心的数字。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="54"/>
        <source>Service level today; red below the queue&apos;s target, green at or above it</source>
        <translation>今日服务水平；低于队列目标为红色，达到或高于目标为绿色</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="56"/>
        <source>Agents with this skill group logged in and not in not-ready: ready or on a call. An agent with several skill groups counts in each.</source>
        <translation>具备该技能组、已签入且未示忙的座席（示闲或通话中）。具备多个技能组的座席在每个组中都计入。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="59"/>
        <source>Agents Erlang C needs now for the queue&apos;s service-level target, from the last 30 minutes&apos; calls and handle time; red when more than are staffed</source>
        <translation>按 Erlang C 计算，达到该队列服务水平目标当前所需的座席数（依据最近 30 分钟的来话和处理时长）；多于在岗人数时显示红色</translation>
    </message>
</context>
<context>
    <name>RehearsalPanel</name>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="212"/>
        <source>REHEARSAL (emulator only)</source>
        <translation>故障演练（仅限模拟器）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="218"/>
        <source>Link, board or channel</source>
        <translation>链路、板卡或通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="219"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="220"/>
        <source>Clears itself after this long (0: until cleared)</source>
        <translation>持续该时长后自动清除（0：直到手动清除）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="221"/>
        <source>Rehearse this fault</source>
        <translation>演练此故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="222"/>
        <source>Clear all faults</source>
        <translation>清除全部故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="224"/>
        <source>This switchlink drives a real switch: fault rehearsal runs on the emulator only.</source>
        <translation>此 switchlink 连接的是真实交换机：故障演练仅限模拟器。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/panels.py" line="230"/>
        <source>An exercise: the faults are simulated by the emulator and the alarms they raise are real alarms on this floor.</source>
        <translation>这是演练：故障由模拟器模拟，但由此产生的告警是本现场的真实告警。</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="14"/>
        <source>Hourly</source>
        <extracomment>lupdate reads translate(&quot;ReportsScreen&quot;, &quot;text&quot;) calls: the context must be that literal</extracomment>
        <translation>小时报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="15"/>
        <source>Daily</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="16"/>
        <source>Weekly</source>
        <translation>周报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="17"/>
        <source>Monthly</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="20"/>
        <source>Hourly report</source>
        <translation>小时通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="21"/>
        <source>Daily report</source>
        <translation>日通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="22"/>
        <source>Weekly report</source>
        <translation>周通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="23"/>
        <source>Monthly report</source>
        <translation>月通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="26"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="27"/>
        <source>Customers</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="28"/>
        <source>Arrived</source>
        <translation>来话总量</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/charts.py" line="71"/>
        <source>Calls per interval</source>
        <extracomment>tick format per report kind (Qt date patterns; the day and month follow the locale)</extracomment>
        <translation>各时段话务量</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/charts.py" line="72"/>
        <source>Service level per interval (%)</source>
        <translation>各时段服务水平（%）</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/charts.py" line="75"/>
        <location filename="../../console/screens/reports/labels.py" line="29"/>
        <location filename="../../console/screens/reports/screen.py" line="46"/>
        <source>Offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/charts.py" line="75"/>
        <location filename="../../console/screens/reports/labels.py" line="30"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/charts.py" line="76"/>
        <location filename="../../console/screens/reports/labels.py" line="31"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="32"/>
        <source>Short abandons</source>
        <translation>短时放弃</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="33"/>
        <source>Blocked</source>
        <translation>黑名单拦截</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="34"/>
        <source>System busy</source>
        <translation>系统忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="35"/>
        <location filename="../../console/screens/reports/screen.py" line="48"/>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="36"/>
        <source>Answer overtime rate</source>
        <translation>应答逾限率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="37"/>
        <source>Connection rate</source>
        <translation>来话接通率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="38"/>
        <source>System connection rate</source>
        <translation>系统接通率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="39"/>
        <source>ASA</source>
        <translation>平均应答速度</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="40"/>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="41"/>
        <source>AHT</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="42"/>
        <source>Occupancy</source>
        <translation>占用率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="43"/>
        <source>Work-time utilisation</source>
        <translation>工时利用率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="44"/>
        <source>Agent</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="45"/>
        <source>Calls</source>
        <translation>通话数</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="46"/>
        <source>Talk</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="47"/>
        <source>Hold</source>
        <translation>保持时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="48"/>
        <source>After-call work</source>
        <translation>话后整理</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="49"/>
        <source>Not ready</source>
        <translation>示忙时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="50"/>
        <source>Not ready by reason</source>
        <translation>示忙原因及时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="51"/>
        <source>Logged in</source>
        <translation>签入时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="52"/>
        <source>Forced actions received</source>
        <translation>被强制操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="53"/>
        <source>Raised</source>
        <translation>产生</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="54"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="55"/>
        <source>Not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="56"/>
        <source>Mean time to acknowledge</source>
        <translation>平均确认时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="57"/>
        <source>Longest time to acknowledge</source>
        <translation>最长确认时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="58"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="59"/>
        <location filename="../../console/screens/reports/view.py" line="153"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="60"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="61"/>
        <source>On-time rate</source>
        <translation>按时回复率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="62"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="63"/>
        <source>Open past due</source>
        <translation>超时未结</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="66"/>
        <source>VIP</source>
        <translation>大客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="67"/>
        <source>Normal</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="68"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="69"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="70"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="71"/>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="72"/>
        <source>force ready</source>
        <translation>强制示闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="73"/>
        <source>force busy</source>
        <translation>强制示忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="74"/>
        <source>force sign-out</source>
        <translation>强制签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="75"/>
        <source>barge-in</source>
        <translation>强插</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="76"/>
        <source>force release</source>
        <translation>强拆</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="77"/>
        <source>schedule</source>
        <translation>定时任务</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/labels.py" line="134"/>
        <source>{title} · {key} ({start} – {end})</source>
        <translation>{title} · {key}（{start} – {end}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="35"/>
        <source>Classification</source>
        <translation>服务请求分类</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="36"/>
        <source>Responsibility cause</source>
        <translation>责任原因</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="37"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="83"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="85"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="92"/>
        <source>Alarm level</source>
        <translation>告警级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="95"/>
        <source>Grouped by</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="138"/>
        <source>Service level = answered within T ÷ (offered − abandoned within {short} s); T is each queue&apos;s threshold (default {t} s). Occupancy = (talk + hold + after-call work + ringing) ÷ (logged in − not ready); work-time utilisation = (talk + hold + after-call work) ÷ logged in.</source>
        <translation>服务水平 = T 秒内接通数 ÷（呼入量 − {short} 秒内放弃数）；T 为各队列的门限（默认 {t} 秒）。占用率 =（通话 + 保持 + 话后整理 + 振铃）÷（签入 − 示忙）；工时利用率 =（通话 + 保持 + 话后整理）÷ 签入时长。</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="147"/>
        <source>No report shown: pick a period and press Show.</source>
        <translation>尚未显示通报：请选择周期后点击“显示”。</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="150"/>
        <source>Centre</source>
        <translation>全中心</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="150"/>
        <source>Queues</source>
        <translation>各队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="151"/>
        <source>VIP and normal</source>
        <translation>大客户与普通客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="152"/>
        <source>Agents</source>
        <translation>座席</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="152"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/view.py" line="157"/>
        <source>Complaint work orders are not available on this database.</source>
        <translation>本数据库没有投诉工单。</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="43"/>
        <source>Report</source>
        <translation>通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="45"/>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="50"/>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="52"/>
        <source>By</source>
        <translation>生成者</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="130"/>
        <source>see the reports</source>
        <extracomment>the file dialog, replaceable in tests: (format, suggested name) -&gt; path or &quot;&quot;</extracomment>
        <translation>查看通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="193"/>
        <location filename="../../console/screens/reports/screen.py" line="196"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="200"/>
        <source>Computing from the history…</source>
        <translation>正在根据历史数据计算…</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="213"/>
        <source>Generated {when} by {by}.</source>
        <translation>由 {by} 于 {when} 生成。</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="223"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="230"/>
        <source>Export the report as PDF</source>
        <translation>将通报导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="231"/>
        <source>Export the report as CSV</source>
        <translation>将通报导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="232"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="233"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="245"/>
        <source>Preparing the file…</source>
        <translation>正在生成文件…</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="251"/>
        <source>switchlink sent no file</source>
        <translation>switchlink 未返回文件</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="257"/>
        <source>Export cancelled.</source>
        <translation>已取消导出。</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="263"/>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="266"/>
        <source>Report written to {path}.</source>
        <translation>通报已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="280"/>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="281"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="282"/>
        <source>Generate again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="283"/>
        <source>Compute this period again from the stored history and keep it</source>
        <translation>根据已保存的历史数据重新计算本周期并保存</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="285"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="286"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../console/screens/reports/screen.py" line="287"/>
        <source>Stored reports (newest first)</source>
        <translation>已保存的通报（最新在前）</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="156"/>
        <source>Reset the password of {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="157"/>
        <source>Their open sessions end now, and they must choose their own password at the next login.</source>
        <translation>其已打开的会话将立即结束，下次登录时须自行设置密码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="159"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="160"/>
        <source>Repeat it:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="164"/>
        <source>Enter the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="167"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <location filename="../../console/screens/__init__.py" line="10"/>
        <source>Wall-board</source>
        <translation>监控大屏</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="12"/>
        <source>IVR</source>
        <translation>语音导航</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="13"/>
        <source>Blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="15"/>
        <source>Equipment</source>
        <translation>设备维护</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="17"/>
        <source>Complaints</source>
        <translation>投诉工单</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="21"/>
        <source>Dunning</source>
        <translation>欠费催缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="19"/>
        <source>Reports</source>
        <translation>定期通报</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="23"/>
        <source>Workforce</source>
        <translation>人员配置</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="25"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../console/screens/__init__.py" line="27"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
</context>
<context>
    <name>SeatPanel</name>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="118"/>
        <source>Next account</source>
        <extracomment>the site&apos;s time zone and day (from the campaign): times and promises are site time</extracomment>
        <translation>下一个账户</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="119"/>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="120"/>
        <source>Record outcome</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="121"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="122"/>
        <source>Outcome of the call</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="123"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="123"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="124"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="124"/>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="125"/>
        <source>Promise</source>
        <translation>承诺缴费</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="125"/>
        <source>Customer level</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="127"/>
        <location filename="../../console/screens/dunning/seat.py" line="141"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="127"/>
        <source>Promised date</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="128"/>
        <source>Promised amount</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="128"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="139"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="139"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="139"/>
        <source>Paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="141"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="141"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="141"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="142"/>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="143"/>
        <source>Dunning calls</source>
        <translation>催缴呼叫</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="160"/>
        <source>Press “Next account” to take the next one in the collection queue.</source>
        <translation>按“下一个账户”领取催缴队列中的下一户。</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="171"/>
        <source>%1 by %2</source>
        <translation>%2 前缴 %1</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="173"/>
        <source>VIP</source>
        <translation>大客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="174"/>
        <source>Normal</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="187"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/dunning/seat.py" line="208"/>
        <source>A promise needs an amount.</source>
        <translation>承诺缴费需要填写金额。</translation>
    </message>
</context>
<context>
    <name>SessionControl</name>
    <message>
        <location filename="../../console/shell/session_control.py" line="27"/>
        <source>Log in as…</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;text&quot;) with a literal context how often the console looks at the person&apos;s idle time (ms) input events that mean &quot;someone is at the console&quot;</extracomment>
        <translation>以其他身份登录…</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="28"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="29"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="127"/>
        <source>Logged in as {user} ({role}).</source>
        <translation>已登录为 {user}（{role}）。</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="136"/>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="152"/>
        <source>Your session has ended ({message}). Log in again.</source>
        <translation>您的会话已结束（{message}），请重新登录。</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="166"/>
        <source>Logged out: view only.</source>
        <translation>已退出登录：仅可查看。</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="182"/>
        <source>Your session ended after %n minute(s) without use. Log in again.</source>
        <translation>%n 分钟无操作，会话已结束，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="206"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="214"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location filename="../../console/shell/session_control.py" line="219"/>
        <source>Not logged in (view only)</source>
        <translation>未登录（仅查看）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="80"/>
        <source>Wall-board layout</source>
        <translation>大屏布局</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="81"/>
        <source>Tiles</source>
        <translation>指标块</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="82"/>
        <source>Queues in the table</source>
        <translation>队列表中显示的队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="83"/>
        <source>Show the agent grid</source>
        <translation>显示坐席状态墙</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="84"/>
        <source>Show the charts</source>
        <translation>显示图表</translation>
    </message>
</context>
<context>
    <name>SkillsDialog</name>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="114"/>
        <source>Change skills</source>
        <translation>调整技能</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="116"/>
        <source>Skill groups of {count} agent(s): {who}. Applied on the switch at once; a partly ticked group stays as each agent has it.</source>
        <translation>{count} 名坐席的技能组：{who}。立即在交换机上生效；半选的技能组对每名坐席保持原样。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="120"/>
        <source>Member</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="120"/>
        <source>Skill group</source>
        <translation>技能组</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="120"/>
        <source>Level (1–10)</source>
        <translation>等级（1–10）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="121"/>
        <source>Waiting</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="121"/>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/skills_dialog.py" line="121"/>
        <source>Agents ready</source>
        <translation>示闲坐席</translation>
    </message>
</context>
<context>
    <name>SlDefinition</name>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="205"/>
        <source>answered within {t} s ÷ (offered − abandons under {s} s)</source>
        <extracomment>Which agent states each agent-count metric counts (used when metrics lack the count). Window suffixes of the metrics engine: ``service_level_15m`` is a kind of ``service_level``. The service-level definitions switchlink publishes (``sl_definition``), in words (context &quot;SlDefinition&quot;); {t} the threshold, {s} the short-abandon limit, in seconds.</extracomment>
        <translation>{t} 秒内接通 ÷（呼入 − {s} 秒内放弃）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="207"/>
        <source>answered within {t} s ÷ answered</source>
        <translation>{t} 秒内接通 ÷ 接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="208"/>
        <source>(answered + abandoned within {t} s) ÷ (offered − abandons under {s} s)</source>
        <translation>（{t} 秒内接通 + 放弃）÷（呼入 − {s} 秒内放弃）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="211"/>
        <source>answered within {t} s ÷ offered</source>
        <translation>{t} 秒内接通 ÷ 呼入</translation>
    </message>
</context>
<context>
    <name>Staffing</name>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="22"/>
        <source>No staffing figures yet: they are computed once a minute on the switch</source>
        <extracomment>a short queue&apos;s Needed cell: the red of a red alarm&apos;s text on a pale red, readable both themes the tooltip&apos;s and the strip&apos;s sentences, marked here and translated where they are shown</extracomment>
        <translation>尚无人员配置数据：交换侧每分钟计算一次</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="24"/>
        <source>Agents needed: not known ({why})</source>
        <translation>所需座席：未知（{why}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="25"/>
        <source>Erlang C: {needed} agents for {target} of calls answered within {t} s</source>
        <translation>Erlang C：{t} 秒内接通 {target} 的来话需要 {needed} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="27"/>
        <source>Last 30 minutes: {rate} calls an hour, handle time {aht}</source>
        <translation>最近 30 分钟：每小时 {rate} 个来话，处理时长 {aht}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="29"/>
        <source>Short by {n} agents: {staffed} staffed</source>
        <translation>缺 {n} 人：在岗 {staffed} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="30"/>
        <source>{staffed} staffed: enough</source>
        <translation>在岗 {staffed} 人：足够</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="31"/>
        <source>Erlang A, with the callers&apos; patience of {p} the abandons show: {n} agents</source>
        <translation>Erlang A（按放弃推算的来电者耐心 {p}）：{n} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="33"/>
        <source>{time} {calls} calls · {agents} agents</source>
        <translation>{time} {calls} 个来话 · {agents} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="36"/>
        <source>fewer than 5 minutes of calls known yet</source>
        <translation>已知来话不足 5 分钟</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="37"/>
        <source>no calls in the last 30 minutes</source>
        <translation>最近 30 分钟无来话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/staffing.py" line="38"/>
        <source>no call handled yet to time</source>
        <translation>尚无处理完成的来话可计时</translation>
    </message>
</context>
<context>
    <name>StaffingStrip</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="59"/>
        <source>Staffing: figures come once a minute</source>
        <extracomment>queues named in the strip at most (the table has the rest, worst first)</extracomment>
        <translation>人员配置：每分钟更新一次</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="65"/>
        <source>{queue} −{n}</source>
        <translation>{queue} 缺 {n} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="68"/>
        <source> and {n} more</source>
        <translation> 等另 {n} 个队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="69"/>
        <source>Short of agents: {queues}</source>
        <translation>座席不足：{queues}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="71"/>
        <source>Every queue staffed to its target</source>
        <translation>各队列在岗人数均达目标</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="76"/>
        <source>The centre is short by {n} agents</source>
        <translation>全中心在岗座席缺 {n} 人</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="77"/>
        <source>needed {needed} · staffed {staffed}</source>
        <translation>需配 {needed} · 在岗 {staffed}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="82"/>
        <source>Agents Erlang C needs now for each queue&apos;s service-level target, from the last 30 minutes, against agents logged in and not in not-ready. In the queue table an agent with several skill groups counts in each of them; here, in the centre&apos;s total, once.</source>
        <translation>按近 30 分钟的话务量和处理时长，用 Erlang C 算出各队列达到服务水平目标现需的座席数，与已签入且未示忙的座席数相比。队列表中，具备多个技能组的座席在每个技能组各计一次；此处全中心合计只计一次。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="87"/>
        <source>Next: {slots}</source>
        <translation>预测：{slots}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="88"/>
        <source>Next: no forecast yet (needs stored history)</source>
        <translation>预测：暂无（需要历史数据）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/staffing.py" line="90"/>
        <source>Forecast calls per half hour (mean of the same weekday and half hour over the last four weeks, scaled by today&apos;s level so far) and the agents Erlang C needs for them</source>
        <translation>每半小时预测来话量（最近四周同一星期几、同一半小时的平均值，按今日至今水平调整）及 Erlang C 所需座席</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="43"/>
        <source>Connecting to {endpoint}: nothing received yet</source>
        <extracomment>where we connect to, and whether anything ever came from there</extracomment>
        <translation>正在连接 {endpoint}：尚未收到任何数据</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="46"/>
        <source>Link lost since {time}: the figures shown are stale</source>
        <translation>连接中断（自 {time} 起）：所示数据已过时</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/banners.py" line="49"/>
        <source>Connecting to switchlink…</source>
        <translation>正在连接 switchlink…</translation>
    </message>
</context>
<context>
    <name>StartErrorDialog</name>
    <message>
        <location filename="../../console/shell/notices.py" line="58"/>
        <source>callfloor could not start</source>
        <translation>callfloor 无法启动</translation>
    </message>
    <message>
        <location filename="../../console/shell/notices.py" line="59"/>
        <source>The local switchlink did not start:</source>
        <translation>本机 switchlink 未能启动：</translation>
    </message>
    <message>
        <location filename="../../console/shell/notices.py" line="62"/>
        <source>Its log: {path}</source>
        <translation>日志：{path}</translation>
    </message>
</context>
<context>
    <name>SupervisorControl</name>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="30"/>
        <source>Normal</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="31"/>
        <source>VIP</source>
        <translation>大客户</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="96"/>
        <source>Call of agent {agent}</source>
        <translation>坐席 {agent} 的通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="120"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="128"/>
        <source>nobody is listening in</source>
        <translation>无人监听</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="135"/>
        <source>Caller:</source>
        <translation>主叫号码：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="136"/>
        <source>Customer level:</source>
        <translation>客户等级：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="137"/>
        <source>Queue:</source>
        <translation>队列：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="138"/>
        <source>Time:</source>
        <translation>通话时长：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="139"/>
        <source>IVR trail:</source>
        <translation>IVR 轨迹：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/call_panel.py" line="140"/>
        <source>Listening in:</source>
        <translation>监听者：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="33"/>
        <source>Force ready</source>
        <extracomment>&quot;agents&quot;: one or more selected agents; &quot;call&quot;: the call of the one selected agent the switchlink command, and whether it records a reason (the dialog asks only then)</extracomment>
        <translation>强制示闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="34"/>
        <source>Make the selected agents ready (强制示闲)</source>
        <translation>将所选坐席置为示闲（强制示闲）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="37"/>
        <source>Force not ready…</source>
        <translation>强制示忙…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="38"/>
        <source>Make the selected agents not ready with a reason code (强制示忙)</source>
        <translation>将所选坐席置为示忙，需选原因代码（强制示忙）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="42"/>
        <source>Force sign-out</source>
        <translation>强制签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="43"/>
        <source>Sign the selected agents out (强制签出); during a call it is pending until the call ends</source>
        <translation>将所选坐席签出（强制签出）；通话中则待通话结束后签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="47"/>
        <source>Cancel pending sign-out</source>
        <translation>取消待签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="49"/>
        <source>Keep the agent signed in after the call</source>
        <translation>通话结束后坐席保持签入</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="52"/>
        <source>Change skills…</source>
        <translation>调整技能…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="53"/>
        <source>Skill groups and levels of the selected agents (调整技能)</source>
        <translation>所选坐席的技能组与等级（调整技能）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="56"/>
        <source>Monitor</source>
        <translation>监听</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="57"/>
        <source>Listen to the call without being heard (监听)</source>
        <translation>收听通话，对方听不到（监听）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="60"/>
        <source>Monitor and record</source>
        <translation>监听录音</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="62"/>
        <source>Listen and keep a recording of it (监听录音)</source>
        <translation>监听并保存录音（监听录音）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="65"/>
        <source>Whisper</source>
        <translation>耳语</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="66"/>
        <source>Speak to the agent only; the caller does not hear (耳语)</source>
        <translation>只对坐席讲话，客户听不到（耳语）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="69"/>
        <source>Barge in</source>
        <translation>强插</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="70"/>
        <source>Join the call: agent and caller hear you (强插)</source>
        <translation>加入通话，坐席和客户都能听到（强插）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="73"/>
        <source>Leave call</source>
        <translation>退出通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="74"/>
        <source>Stop listening to the call</source>
        <translation>停止监听该通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="76"/>
        <source>Force release</source>
        <translation>强拆</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="77"/>
        <source>Hang up the call (强拆)</source>
        <translation>挂断该通话（强拆）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="79"/>
        <source>Transfer…</source>
        <translation>转接…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="80"/>
        <source>Transfer the call to another agent or a queue (转接)</source>
        <translation>将通话转给其他坐席或队列（转接）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="95"/>
        <source>force agent states</source>
        <extracomment>the switch-over on a call the supervisor is already in needs no leave (one session) agent actions a selection of several agents runs as one bulk command set_agent_state&apos;s state argument what the greyed tooltip says the role may not do (&quot;Only supervisor … may {what}.&quot;)</extracomment>
        <translation>强制坐席状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="96"/>
        <source>sign agents out</source>
        <translation>签出坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="97"/>
        <source>change skills</source>
        <translation>调整技能</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="98"/>
        <source>listen to calls</source>
        <translation>监听通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="99"/>
        <source>barge into calls</source>
        <translation>强插通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="100"/>
        <source>release calls</source>
        <translation>强拆通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="101"/>
        <source>transfer calls</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="105"/>
        <source>Sign-out pending</source>
        <translation>待签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="106"/>
        <source>Monitored: {who}</source>
        <translation>监听：{who}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="107"/>
        <source>Supervisor: {who}</source>
        <translation>班长强制：{who}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="118"/>
        <source>monitoring</source>
        <translation>监听</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="119"/>
        <source>whispering</source>
        <translation>耳语</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="120"/>
        <source>barged in</source>
        <translation>强插</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="124"/>
        <source>not allowed</source>
        <extracomment>refusal codes worded for the floor; switchlink&apos;s own message follows</extracomment>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="125"/>
        <source>not possible now</source>
        <translation>当前无法操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="126"/>
        <source>link down</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="127"/>
        <source>link down: no answer</source>
        <translation>链路中断：无应答</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="128"/>
        <source>not on the floor</source>
        <translation>不在现场</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="129"/>
        <source>change your password first</source>
        <translation>请先修改密码</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/table.py" line="131"/>
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="238"/>
        <source>Select one or more agents in the grid first.</source>
        <extracomment>the session&apos;s user and permissions (shared by every screen, told of each login) the open dialog and the last bulk result (tests and screenshots reach them) action name -&gt; (monotonic time sent, targets left); for the benchmark&apos;s timing</extracomment>
        <translation>请先在坐席网格中选择一名或多名坐席。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="262"/>
        <source>{count} agents: {list}</source>
        <translation>{count} 名坐席：{list}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="272"/>
        <source>{action} for {who}?</source>
        <translation>对 {who} {action}？</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="310"/>
        <source>Select one agent who is on a call.</source>
        <translation>请选择一名正在通话的坐席。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="324"/>
        <source>Hang up call {call} of agent {agent}?</source>
        <translation>挂断坐席 {agent} 的通话 {call}？</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="346"/>
        <source>Transfer call {call} of agent {agent} to:</source>
        <translation>将坐席 {agent} 的通话 {call} 转接到：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="375"/>
        <source>{action} {target}: {result}</source>
        <translation>{action} {target}：{result}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="388"/>
        <source>Skills unchanged.</source>
        <translation>技能未改变。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="407"/>
        <source>{action}: {done} done, {refused} refused</source>
        <translation>{action}：{done} 名完成，{refused} 名被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/controller.py" line="434"/>
        <source>Supervisor actions</source>
        <translation>班长操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="51"/>
        <source>pending: signs out when the call ends</source>
        <translation>待签出：通话结束后签出</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="55"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="58"/>
        <source>refused ({why}): {message}</source>
        <translation>被拒绝（{why}）：{message}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="197"/>
        <source>{done} done, {refused} refused</source>
        <translation>{done} 名完成，{refused} 名被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="100"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="101"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/control/results.py" line="102"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="108"/>
        <source>Calls waiting</source>
        <extracomment>One colour per agent state, used by the grid and its legend in both themes. a smaller second line (today&apos;s figure under a rolling 15-minute one), or None</extracomment>
        <translation>排队数</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="110"/>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="114"/>
        <source>Service level (15 min)</source>
        <translation>服务水平（15分钟）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="116"/>
        <source>Agents ready</source>
        <translation>示闲坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="117"/>
        <source>Agents talking</source>
        <translation>通话坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="118"/>
        <source>After-call work</source>
        <translation>后续处理</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="120"/>
        <source>Agents not ready</source>
        <translation>示忙坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="122"/>
        <source>Abandon rate (15 min)</source>
        <translation>放弃率（15分钟）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="124"/>
        <source>Answered today</source>
        <translation>今日接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="126"/>
        <source>Blocked today</source>
        <translation>今日拦截</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="106"/>
        <source>{level} alarm</source>
        <translation>{level}预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="111"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="119"/>
        <source>in {queue}</source>
        <translation>在 {queue}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="113"/>
        <source>{caption} (worse: {where})</source>
        <translation>{caption}（更严重：{where}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="126"/>
        <source>Today {value}</source>
        <translation>今日 {value}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="123"/>
        <source>Warned {value}</source>
        <translation>告警接通 {value}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="107"/>
        <source>New user</source>
        <extracomment>send(command, args, on_success, on_failure)</extracomment>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="108"/>
        <source>Edit user {name}</source>
        <translation>编辑用户 {name}</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="110"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="110"/>
        <source>Display name:</source>
        <translation>显示名：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="110"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="111"/>
        <source>Teams:</source>
        <translation>班组：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="111"/>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="111"/>
        <source>First password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="114"/>
        <source>e.g. T1, T2 — empty: every team</source>
        <translation>例如 T1, T2；留空表示全部班组</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="115"/>
        <source>The person must change it at the first login.</source>
        <translation>此人首次登录时须修改。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="120"/>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../console/screens/admin/dialogs.py" line="129"/>
        <source>Enter a first password.</source>
        <translation>请输入初始密码。</translation>
    </message>
</context>
<context>
    <name>WallboardScreen</name>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="22"/>
        <source>Agent grid</source>
        <extracomment>the board&apos;s entries in the shell&apos;s View menu action -&gt; (text, tooltip), untranslated</extracomment>
        <translation>坐席状态墙</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="23"/>
        <source>Show or hide the agent grid</source>
        <translation>显示或隐藏坐席状态墙</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="24"/>
        <source>Layout settings…</source>
        <translation>布局设置…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="25"/>
        <source>Choose tiles, queues, grid and charts</source>
        <translation>选择指标块、队列、坐席墙和图表</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="26"/>
        <source>Re-sort queue table</source>
        <translation>重新排序队列表</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="27"/>
        <source>Apply the chosen sort order now</source>
        <translation>立即按所选列排序</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="28"/>
        <source>Acknowledge alarm…</source>
        <translation>确认预警…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="29"/>
        <source>Acknowledge the selected alarm with a note</source>
        <translation>填写说明并确认所选预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="30"/>
        <source>Mute alarm sound</source>
        <translation>预警静音</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="31"/>
        <source>No sound on new red or black alarms</source>
        <translation>新的红色或黑色预警不再响铃</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/actions.py" line="33"/>
        <source>&amp;Alarms</source>
        <translation>预警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="335"/>
        <source>Service level = {definition}</source>
        <extracomment>more agents than this make a big floor: the summary per team / skill group stands in for the grid (cells on demand), the tiles take one row and the queue table the height the charts redraw at most this often: the daemon ticks every 0.5 s, but ticks arriving faster (the console load benchmark&apos;s flood) redrew pyqtgraph in every frame, up to 10 a second, and tripled the longest GUI stall stretch of tiles, queues &amp; alarms, charts and the agent area: (small floor, big floor) the queue holding the centre&apos;s longest wait, as of the last metrics tick a big floor (more than SUMMARY_FROM agents) has its own proportions the service-level definition in force, as switchlink publishes it (S2)</extracomment>
        <translation>服务水平 = {definition}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="419"/>
        <source>Alarm sound off</source>
        <translation>预警声音已关闭</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="419"/>
        <source>Alarm sound on</source>
        <translation>预警声音已开启</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="444"/>
        <source>Queues, worst first</source>
        <translation>队列（最紧急的在前）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="446"/>
        <source>Alarm level first, then how far the service level is below target; click a header to sort by it instead. Ready and Talking count an agent in each of their skill groups.</source>
        <translation>先按预警级别，再按服务水平低于目标的差距排序；点击列标题可改按该列排序。“就绪”和“通话”列中，一名坐席在其每个技能组都计一次。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="452"/>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
</context>
<context>
    <name>WorkforceScreen</name>
    <message>
        <location filename="../../console/screens/workforce/screen.py" line="55"/>
        <source>{queue}: needed {needed}, staffed {staffed}</source>
        <translation>{queue}：需配 {needed}，在岗 {staffed}</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/screen.py" line="58"/>
        <source>No staffing figures yet</source>
        <translation>尚无人员配置数据</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/screen.py" line="61"/>
        <source>Forecast: today and the coming days</source>
        <translation>预测：今日及未来几天</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/screen.py" line="63"/>
        <source>Forecast calls per half hour (mean of the same weekday and half hour over the last four weeks, scaled by today&apos;s level so far) and the agents Erlang C needs for them</source>
        <translation>每半小时预测来话量（最近四周同一星期几、同一半小时的平均值，按今日至今水平调整）及 Erlang C 所需座席</translation>
    </message>
    <message>
        <location filename="../../console/screens/workforce/screen.py" line="66"/>
        <source>Staffing now (Erlang C)</source>
        <translation>当前人员配置（Erlang C）</translation>
    </message>
</context>
</TS>
