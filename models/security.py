"""Users, roles, permissions and the audit trail: who may do what on the floor."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """Roles of REQUIREMENTS.md §1 (labels: 现场资源管理员, 班长, 质检员, 系统维护, 管理员)."""

    FLOOR_MANAGER = "floor_manager"
    SUPERVISOR = "supervisor"  # 班长 / 话务班长
    TEAM_LEADER = "team_leader"  # 组长: a supervisor's powers over their own team(s) only
    QUALITY_INSPECTOR = "quality_inspector"
    COLLECTION = "collection"  # 催缴组: the manual dunning seat (远程座席)
    MAINTENANCE = "maintenance"
    ADMIN = "admin"
    WALL = "wall"  # 大屏: a wall display's view-only session that never idle-expires
    AGENT = "agent"  # 客服代表: takes complaints, answers at once, records feedback
    DEPARTMENT = "department"  # a complaint department's staff (User.department)


class Permission(StrEnum):
    VIEW_FLOOR = "view_floor"
    FORCE_AGENT_STATE = "force_agent_state"  # 强制示闲 / 强制示忙
    FORCE_LOGOUT = "force_logout"  # 强制签出
    SET_SKILLS = "set_skills"
    MONITOR_CALL = "monitor_call"  # 监听 / 耳语
    BARGE_CALL = "barge_call"  # 强插
    RELEASE_CALL = "release_call"  # 强拆
    TRANSFER_CALL = "transfer_call"
    ACK_ALARM = "ack_alarm"
    EDIT_ALARM_RULES = "edit_alarm_rules"
    EDIT_BLACKLIST = "edit_blacklist"
    RUN_DIAGNOSTICS = "run_diagnostics"  # line, fax, IVR tests
    INJECT_FAULT = "inject_fault"
    ORIGINATE = "originate"
    VIEW_HISTORY = "view_history"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_IVR = "manage_ivr"  # reload IVR flows, set the emergency notice
    VIEW_COMPLAINTS = "view_complaints"  # 投诉查询
    ACCEPT_COMPLAINTS = "accept_complaints"  # 投诉受理
    #: act on orders; which action by whom is decided by models.complaints.lifecycle
    WORK_COMPLAINTS = "work_complaints"
    ANNOUNCE_FAULT = "announce_fault"  # a spike's fault announcement into the IVR
    VIEW_DUNNING = "view_dunning"  # the dunning campaign, accounts, files
    RUN_DUNNING = "run_dunning"  # start / pause the campaign, run a day
    DUNNING_FILES = "dunning_files"  # import billing / payments, export suspension files
    MANUAL_DUNNING = "manual_dunning"  # 远程座席: dial by hand, record outcome and promise


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.FLOOR_MANAGER: frozenset({P.VIEW_FLOOR, P.ACK_ALARM, P.VIEW_HISTORY}),
    Role.SUPERVISOR: frozenset(
        {
            P.VIEW_FLOOR, P.FORCE_AGENT_STATE, P.FORCE_LOGOUT, P.SET_SKILLS, P.MONITOR_CALL,
            P.BARGE_CALL, P.RELEASE_CALL, P.TRANSFER_CALL, P.ACK_ALARM, P.EDIT_ALARM_RULES,
            P.EDIT_BLACKLIST, P.ORIGINATE, P.VIEW_HISTORY,
        }
    ),
    # a supervisor's powers on agents, calls, skills and the blacklist; the team scope
    # (User.teams) is what makes them a team leader's (switchlink.services.supervision)
    Role.TEAM_LEADER: frozenset(
        {
            P.VIEW_FLOOR, P.FORCE_AGENT_STATE, P.FORCE_LOGOUT, P.SET_SKILLS, P.MONITOR_CALL,
            P.BARGE_CALL, P.RELEASE_CALL, P.TRANSFER_CALL, P.EDIT_BLACKLIST, P.VIEW_HISTORY,
        }
    ),
    # S1: quality staff monitor calls, may sign an agent out and force ready / not ready
    Role.QUALITY_INSPECTOR: frozenset(
        {P.VIEW_FLOOR, P.MONITOR_CALL, P.BARGE_CALL, P.FORCE_AGENT_STATE, P.FORCE_LOGOUT,
         P.VIEW_HISTORY}
    ),
    Role.MAINTENANCE: frozenset(
        {P.VIEW_FLOOR, P.RUN_DIAGNOSTICS, P.INJECT_FAULT, P.ACK_ALARM, P.VIEW_HISTORY,
         P.MANAGE_IVR}
    ),
    Role.ADMIN: frozenset(Permission),
    Role.WALL: frozenset({P.VIEW_FLOOR}),
}

# dunning (issue 17): supervisors run the campaign; the collection group works the seat
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {P.VIEW_DUNNING, P.RUN_DUNNING, P.DUNNING_FILES,
                                      P.MANUAL_DUNNING}
ROLE_PERMISSIONS[Role.FLOOR_MANAGER] |= {P.VIEW_DUNNING}
ROLE_PERMISSIONS[Role.COLLECTION] = frozenset(
    {P.VIEW_FLOOR, P.VIEW_DUNNING, P.MANUAL_DUNNING, P.DUNNING_FILES})

#: complaint work orders (issue 16), added to each role's set
_COMPLAINT_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset({P.VIEW_FLOOR, P.VIEW_COMPLAINTS, P.ACCEPT_COMPLAINTS,
                           P.WORK_COMPLAINTS}),
    Role.DEPARTMENT: frozenset({P.VIEW_COMPLAINTS, P.WORK_COMPLAINTS}),
    Role.QUALITY_INSPECTOR: frozenset({P.VIEW_COMPLAINTS, P.ACCEPT_COMPLAINTS,
                                       P.WORK_COMPLAINTS}),
    Role.SUPERVISOR: frozenset({P.VIEW_COMPLAINTS, P.ACCEPT_COMPLAINTS, P.WORK_COMPLAINTS,
                                P.ANNOUNCE_FAULT}),
    Role.FLOOR_MANAGER: frozenset({P.VIEW_COMPLAINTS, P.WORK_COMPLAINTS}),
}
for _role, _extra in _COMPLAINT_PERMISSIONS.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS.get(_role, frozenset()) | _extra


def allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


@dataclass(slots=True)
class User:
    username: str
    role: Role
    #: argon2id hash (memory-hard); empty until a password is set
    password_hash: str = ""
    display_name: str = ""
    disabled: bool = False
    #: team ids; non-empty limits every agent / call action to agents of these teams
    teams: tuple[str, ...] = ()
    #: the complaint department the user works in ("" for none)
    department: str = ""
    #: set by an administrator's password (and the first-run admin's): only whoami, logout
    #: and passwd are allowed until the user sets their own
    must_change_password: bool = False


@dataclass(slots=True)
class AuditEntry:
    """One state-changing command: who, as what, when, what, on what, why, and how it went."""

    at: float
    user: str
    role: str
    action: str
    target: str = ""
    reason: str = ""
    result: str = "ok"  # "ok" or the error code
    detail: dict[str, object] = field(default_factory=dict)
    id: int | None = None
