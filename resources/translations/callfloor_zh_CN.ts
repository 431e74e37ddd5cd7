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
    <name>AgentGridModel</name>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="21"/>
        <source>Work number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="22"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="23"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="24"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="25"/>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="113"/>
        <source>⚠ Harasser</source>
        <extracomment>everything a grid cell paints, in one call: (work number, name, state, since, stale) time source for &quot;time in state&quot;; the switch clock when the daemon reports one</extracomment>
        <translation>⚠ 骚扰</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/agent_grid.py" line="145"/>
        <source>Harassing caller (blacklist): %1</source>
        <translation>骚扰电话(黑名单):%1</translation>
    </message>
</context>
<context>
    <name>AgentGridView</name>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="191"/>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="259"/>
        <source>All</source>
        <extracomment>more agents than this: a big floor, where the grid shows one team or skill group at a time (drill-down) and a summary per group stands in for the cells: 150 cells already need a scrollbar on a 1080p wall, and nobody scrolls a wall (the screen uses the same threshold) the legend&apos;s order: on a call, then free, then away translated state labels, filled on first use and dropped on a language change the grid has cells to show (False: a big floor waiting for a team or skill group)</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="218"/>
        <source>{total} agents: choose a team or skill group to see its agents</source>
        <translation>共 {total} 名坐席：请选择班组或技能组查看其坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="221"/>
        <source>{shown} of {total} agents</source>
        <translation>显示 {shown} / 共 {total} 名坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="255"/>
        <source>Team:</source>
        <translation>班组：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="256"/>
        <source>Skill group:</source>
        <translation>技能组：</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="260"/>
        <source>Show only the agents of one team</source>
        <translation>只显示某一班组的坐席</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/agent_grid.py" line="261"/>
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
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="280"/>
        <source>Your role may not acknowledge alarms.</source>
        <extracomment>room beside a header title: padding and frame, and the sort arrow of the sorted column a cell&apos;s text margins columns whose cells never wrap (numbers and times): never narrower than their contents columns whose title is shown on two lines a user-facing message about an acknowledgement (sent, done, refused)</extracomment>
        <translation>您的角色无权确认预警。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="285"/>
        <source>There is no active alarm to acknowledge.</source>
        <translation>当前没有需要确认的预警。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="292"/>
        <source>Alarm {id} acknowledged.</source>
        <translation>预警 {id} 已确认。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="294"/>
        <source>Acknowledgement refused: {reason}</source>
        <translation>确认被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="297"/>
        <source>Active alarms</source>
        <translation>当前预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="298"/>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="300"/>
        <source>Acknowledge the selected alarm with a note (Ctrl+K)</source>
        <translation>填写说明并确认所选预警（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/alarms.py" line="302"/>
        <source>Your role may not acknowledge alarms</source>
        <translation>您的角色无权确认预警</translation>
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
        <location filename="../../console/screens/blacklist/screen.py" line="40"/>
        <source>team leaders</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="41"/>
        <source>administrators</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="42"/>
        <source>floor managers</source>
        <translation>现场资源管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="43"/>
        <source>quality inspectors</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="44"/>
        <source>maintenance staff</source>
        <translation>系统维护</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="114"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="114"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="115"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="117"/>
        <source>number, reason or who</source>
        <translation>号码、原因或操作人</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="118"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="119"/>
        <source>All actions</source>
        <translation>全部处理方式</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="128"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="128"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="129"/>
        <source>Lift…</source>
        <translation>解除…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="129"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="130"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="147"/>
        <source>Only %1 may change the blacklist.</source>
        <translation>只有%1可以修改黑名单。</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="148"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="176"/>
        <source>Blacklist: %1 numbers, %2 listed · blocked today %3 · warned today %4</source>
        <translation>黑名单:共 %1 个号码,%2 个在列 · 今日拦截 %3 · 今日告警 %4</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="190"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="229"/>
        <source>%1: saved</source>
        <translation>%1:已保存</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="267"/>
        <source>Import blacklist CSV</source>
        <translation>导入黑名单 CSV</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="268"/>
        <location filename="../../console/screens/blacklist/screen.py" line="295"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="283"/>
        <source>Imported: %1 added, %2 updated, %3 unchanged</source>
        <translation>已导入:新增 %1,修改 %2,未变 %3</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="294"/>
        <source>Export blacklist CSV</source>
        <translation>导出黑名单 CSV</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/screen.py" line="305"/>
        <source>%1 entries written to %2</source>
        <translation>%1 条已写入 %2</translation>
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
        <location filename="../../console/screens/blacklist/detail.py" line="67"/>
        <source>Select an entry to see its history</source>
        <translation>选择一条记录查看历史</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="77"/>
        <source>No end</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="78"/>
        <source>%1, from %2 until %3. Reason: %4</source>
        <translation>%1,从 %2 至 %3。原因:%4</translation>
    </message>
    <message>
        <location filename="../../console/screens/blacklist/detail.py" line="86"/>
        <source>Repeat offender: blocked %1 times in %2 days. Suggested: block until %3.</source>
        <translation>屡犯:%2 天内被拦截 %1 次。建议拦截至 %3。</translation>
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
        <location filename="../../console/screens/equipment/labels.py" line="21"/>
        <source>Idle</source>
        <extracomment>a channel cell&apos;s colour by state (like the agent grid: one glance, no reading) the legend&apos;s order</extracomment>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="22"/>
        <source>Busy</source>
        <translation>忙</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="23"/>
        <source>Testing</source>
        <translation>测试中</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="24"/>
        <source>Stuck</source>
        <translation>挂死</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="25"/>
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="26"/>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="27"/>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="28"/>
        <source>Degraded</source>
        <translation>部分故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="29"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="30"/>
        <location filename="../../console/screens/equipment/models.py" line="249"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="31"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="35"/>
        <source>ACD</source>
        <translation>ACD</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="36"/>
        <source>IVR</source>
        <translation>IVR</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="37"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="38"/>
        <source>Trunk</source>
        <translation>中继</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="39"/>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="40"/>
        <location filename="../../console/screens/equipment/models.py" line="238"/>
        <location filename="../../console/screens/equipment/models.py" line="246"/>
        <source>Board</source>
        <translation>板卡</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="41"/>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="44"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="45"/>
        <source>Loopback test</source>
        <translation>环回测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="46"/>
        <source>Prompt test</source>
        <translation>放音测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="47"/>
        <source>Fax test</source>
        <translation>传真测试</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="50"/>
        <source>Drop the link</source>
        <translation>断开链路</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="51"/>
        <source>Fail a board</source>
        <translation>板卡故障</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="52"/>
        <source>Stick a channel</source>
        <translation>通道挂死</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="53"/>
        <source>Delay events</source>
        <translation>事件延迟</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="54"/>
        <source>Noise on a line</source>
        <translation>线路噪声</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="57"/>
        <source>floor manager</source>
        <translation>现场资源管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="58"/>
        <source>supervisor</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="59"/>
        <source>quality inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="60"/>
        <source>maintenance</source>
        <translation>系统维护</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="61"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="65"/>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/labels.py" line="66"/>
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
        <location filename="../../console/screens/equipment/screen.py" line="136"/>
        <source>{result}: {test} on {target} — {detail}</source>
        <extracomment>(kind, id, board) of the selected equipment tests this console started, waiting for their result in the mirror</extracomment>
        <translation>{result}：{target} {test} — {detail}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="140"/>
        <source>Measured: {values}</source>
        <translation>测量值：{values}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="164"/>
        <source>Selected: {kind} {id} (board {board})</source>
        <translation>已选：{kind} {id}（板卡 {board}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="179"/>
        <source>Sweep started.</source>
        <translation>巡检已开始。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="183"/>
        <source>Type the loopback fax number first.</source>
        <translation>请先输入环回传真号码。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="188"/>
        <source>Select a board (or one of its channels) first.</source>
        <translation>请先选择板卡（或其上的通道）。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="192"/>
        <source>Select a channel in the map first.</source>
        <translation>请先在通道图中选择通道。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="201"/>
        <source>Select a channel, trunk or board first.</source>
        <translation>请先选择通道、中继或板卡。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="204"/>
        <source>Reset {target}? Calls on it are cut.</source>
        <translation>复位 {target}？其上的通话将被切断。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="207"/>
        <source>{target} reset.</source>
        <translation>{target} 已复位。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="209"/>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="210"/>
        <source>Why is {target} taken out of service?</source>
        <translation>停用 {target} 的原因？</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="214"/>
        <source>{target} is out of service.</source>
        <translation>{target} 已停用。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="217"/>
        <source>{target} is back in service.</source>
        <translation>{target} 已启用。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="221"/>
        <source>Rehearsal: all faults cleared.</source>
        <translation>演练：已清除全部故障。</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="222"/>
        <source>Rehearsal started: {fault} {target}</source>
        <translation>演练开始：{fault} {target}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="229"/>
        <source>Test {id} started on {target}…</source>
        <translation>测试 {id} 已在 {target} 上开始…</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="237"/>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="257"/>
        <source>Test history refused: {reason}</source>
        <translation>测试记录被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="269"/>
        <source>Cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="272"/>
        <source>{n} results written to {path}</source>
        <translation>已将 {n} 条结果写入 {path}</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="281"/>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="285"/>
        <source>Export test history</source>
        <translation>导出测试记录</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="291"/>
        <source>Links, boards and trunks</source>
        <translation>链路、板卡与中继</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="292"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/screens/equipment/screen.py" line="293"/>
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
        <location filename="../../console/screens/ivr/screen.py" line="106"/>
        <source>Flow:</source>
        <translation>IVR流程：</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="107"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="108"/>
        <source>Emergency notice…</source>
        <translation>紧急通知…</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="109"/>
        <source>Test-play prompt</source>
        <translation>试听提示音</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="110"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="110"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="110"/>
        <location filename="../../console/screens/ivr/screen.py" line="113"/>
        <source>Callers</source>
        <translation>来电数</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="111"/>
        <source>Entered today</source>
        <translation>今日进入</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="111"/>
        <source>Dropped</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="112"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="113"/>
        <source>Went to</source>
        <translation>去向</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="114"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="115"/>
        <source>Funnel of the selected menu</source>
        <translation>所选菜单的流向</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="116"/>
        <source>Calls in the IVR or queued from it</source>
        <translation>语音导航中及由此排队的来电</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="117"/>
        <source>Trail of the selected call</source>
        <translation>所选来电的轨迹</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="135"/>
        <source>Needs the maintenance or admin role</source>
        <translation>需要维护员或管理员角色</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="206"/>
        <source>%1 callers in the flow now · %2 dropped out today</source>
        <translation>当前流程中 %1 个来电 · 今日流失 %2 个</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="215"/>
        <source>Emergency notice: %1</source>
        <translation>紧急通知：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="219"/>
        <source>No emergency notice</source>
        <translation>无紧急通知</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="231"/>
        <source>(done, call ended here)</source>
        <translation>（在此办结）</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="233"/>
        <source>(hung up here)</source>
        <translation>（在此挂机）</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="237"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="275"/>
        <source>Menu position: %1</source>
        <translation>菜单位置：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="285"/>
        <source>Flow %1 reloaded; callers already in it finish the old flow</source>
        <translation>流程 %1 已重新加载；已在流程中的来电按原流程走完</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="298"/>
        <source>Emergency notice updated</source>
        <translation>紧急通知已更新</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="308"/>
        <source>Choose a node with a prompt and an idle IVR channel</source>
        <translation>请选择有提示音的节点和空闲的IVR通道</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="313"/>
        <source>Playing the prompt of %1 on %2</source>
        <translation>正在通道 %2 上播放 %1 的提示音</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="319"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../console/screens/ivr/screen.py" line="323"/>
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
        <location filename="../../console/shell/window.py" line="150"/>
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
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="54"/>
        <source>(15 min)</source>
        <extracomment>How the metrics engine&apos;s windows read after a metric name (context &quot;Metric&quot;).</extracomment>
        <translation>（15分钟）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="55"/>
        <source>(today)</source>
        <translation>（今日）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="56"/>
        <source>(this half hour)</source>
        <translation>（本半小时）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="71"/>
        <source>{metric} {window}</source>
        <translation>{metric}{window}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="81"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="82"/>
        <source>escalated, not acknowledged</source>
        <translation>已升级，未确认</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="83"/>
        <source>{level} ({note})</source>
        <translation>{level}（{note}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/alarm_list.py" line="122"/>
        <source>Whole center</source>
        <translation>全中心</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="16"/>
        <source>Queue</source>
        <extracomment>(title, source, field, format); source &quot;q&quot; = queue/&lt;id&gt;, &quot;m&quot; = metrics/queue/&lt;id&gt;</extracomment>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="17"/>
        <source>Waiting</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="18"/>
        <source>Longest</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="20"/>
        <source>SL</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="22"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="23"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="24"/>
        <source>Talking</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="25"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="26"/>
        <source>Answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="27"/>
        <source>Abandon</source>
        <translation>放弃率</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="29"/>
        <source>ASA</source>
        <translation>平均应答</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="31"/>
        <source>Satisfied</source>
        <translation>答复满意率</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="35"/>
        <source>{queue}: {level} alarm</source>
        <translation>{queue}：{level}预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="38"/>
        <source>Agents ready for this queue. An agent with several skill groups counts in each, so the column adds up to more than the centre&apos;s tile.</source>
        <extracomment>header tooltips; Ready / Talking deliberately count an agent in every skill group they have</extracomment>
        <translation>可接此队列的就绪坐席。一名坐席有多个技能组时在每个组都计一次，所以本列合计会大于全中心的数字。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="41"/>
        <source>Agents talking who have this skill group. An agent with several skill groups counts in each, so the column adds up to more than the centre&apos;s tile.</source>
        <translation>具有此技能组的通话中坐席。一名坐席有多个技能组时在每个组都计一次，所以本列合计会大于全中心的数字。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/models/queue_table.py" line="44"/>
        <source>Service level today; red below the queue&apos;s target, green at or above it</source>
        <translation>今日服务水平；低于队列目标为红色，达到或高于目标为绿色</translation>
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
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="78"/>
        <source>Wall-board layout</source>
        <translation>大屏布局</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="79"/>
        <source>Tiles</source>
        <translation>指标块</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="80"/>
        <source>Queues in the table</source>
        <translation>队列表中显示的队列</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="81"/>
        <source>Show the agent grid</source>
        <translation>显示坐席状态墙</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/settings_dialog.py" line="82"/>
        <source>Show the charts</source>
        <translation>显示图表</translation>
    </message>
</context>
<context>
    <name>SlDefinition</name>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="194"/>
        <source>answered within {t} s ÷ (offered − abandons under {s} s)</source>
        <extracomment>Which agent states each agent-count metric counts (used when metrics lack the count). Window suffixes of the metrics engine: ``service_level_15m`` is a kind of ``service_level``. The service-level definitions switchlink publishes (``sl_definition``), in words (context &quot;SlDefinition&quot;); {t} the threshold, {s} the short-abandon limit, in seconds.</extracomment>
        <translation>{t} 秒内接通 ÷（呼入 − {s} 秒内放弃）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="196"/>
        <source>answered within {t} s ÷ answered</source>
        <translation>{t} 秒内接通 ÷ 接通</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="197"/>
        <source>(answered + abandoned within {t} s) ÷ (offered − abandons under {s} s)</source>
        <translation>（{t} 秒内接通 + 放弃）÷（呼入 − {s} 秒内放弃）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/floor.py" line="200"/>
        <source>answered within {t} s ÷ offered</source>
        <translation>{t} 秒内接通 ÷ 呼入</translation>
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
        <location filename="../../console/screens/wallboard/floor.py" line="125"/>
        <source>Blocked today</source>
        <translation>今日拦截</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="104"/>
        <source>{level} alarm</source>
        <translation>{level}预警</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="109"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="114"/>
        <source>in {queue}</source>
        <translation>在 {queue}</translation>
    </message>
    <message>
        <source>{caption} (worse: {where})</source>
        <translation>{caption}（更严重：{where}）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="117"/>
        <source>Today {value}</source>
        <translation>今日 {value}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/widgets/tiles.py" line="118"/>
        <source>Warned {value}</source>
        <translation>告警接通 {value}</translation>
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
        <location filename="../../console/screens/wallboard/screen.py" line="303"/>
        <source>Service level = {definition}</source>
        <extracomment>more agents than this make a big floor: the summary per team / skill group stands in for the grid (cells on demand), the tiles take one row and the queue table the height the charts redraw at most this often: the daemon ticks every 0.5 s, but ticks arriving faster (the console load benchmark&apos;s flood) redrew pyqtgraph in every frame, up to 10 a second, and tripled the longest GUI stall stretch of tiles, queues &amp; alarms, charts and the agent area: (small floor, big floor) the queue holding the centre&apos;s longest wait, as of the last metrics tick a big floor (more than SUMMARY_FROM agents) has its own proportions the service-level definition in force, as switchlink publishes it (S2)</extracomment>
        <translation>服务水平 = {definition}</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="397"/>
        <source>Alarm sound off</source>
        <translation>预警声音已关闭</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="397"/>
        <source>Alarm sound on</source>
        <translation>预警声音已开启</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="422"/>
        <source>Queues, worst first</source>
        <translation>队列（最紧急的在前）</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="424"/>
        <source>Alarm level first, then how far the service level is below target; click a header to sort by it instead. Ready and Talking count an agent in each of their skill groups.</source>
        <translation>先按预警级别，再按服务水平低于目标的差距排序；点击列标题可改按该列排序。“就绪”和“通话”列中，一名坐席在其每个技能组都计一次。</translation>
    </message>
    <message>
        <location filename="../../console/screens/wallboard/screen.py" line="430"/>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
</context>
</TS>
