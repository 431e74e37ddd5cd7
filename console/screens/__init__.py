"""The screens the shell adds, in tab order: one line per screen, imported when the window opens."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from console.common.screen import ScreenSpec

SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec("wallboard", QT_TRANSLATE_NOOP("Screen", "Wall-board"),
               "console.screens.wallboard.screen:WallboardScreen"),
    ScreenSpec("ivr", QT_TRANSLATE_NOOP("Screen", "IVR"), "console.screens.ivr.screen:IvrScreen"),
    ScreenSpec("blacklist", QT_TRANSLATE_NOOP("Screen", "Blacklist"),
               "console.screens.blacklist.screen:BlacklistScreen"),
    ScreenSpec("equipment", QT_TRANSLATE_NOOP("Screen", "Equipment"),
               "console.screens.equipment.screen:EquipmentScreen"),
    ScreenSpec("complaints", QT_TRANSLATE_NOOP("Screen", "Complaints"),
               "console.screens.complaints.screen:ComplaintsScreen"),
    ScreenSpec("reports", QT_TRANSLATE_NOOP("Screen", "Reports"),
               "console.screens.reports.screen:ReportsScreen"),
    ScreenSpec("dunning", QT_TRANSLATE_NOOP("Screen", "Dunning"),
               "console.screens.dunning.screen:DunningScreen"),
    ScreenSpec("workforce", QT_TRANSLATE_NOOP("Screen", "Workforce"),
               "console.screens.workforce.screen:WorkforceScreen"),
    ScreenSpec("admin", QT_TRANSLATE_NOOP("Screen", "Users"),
               "console.screens.admin.screen:AdminScreen"),
    ScreenSpec("audit", QT_TRANSLATE_NOOP("Screen", "Audit"),
               "console.screens.audit.screen:AuditScreen"),
)
