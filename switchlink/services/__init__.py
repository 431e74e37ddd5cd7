"""The daemon's services: one module (or folder) per capability, each registering its commands.

Importing this package (which importing any service does) registers every command with
:mod:`switchlink.services.registry`. To add a capability, write its module and add its ONE
line below. Services never import the transport: the server calls them, not the reverse.
"""

from switchlink.services import alarms as alarms  # alarms.list / ack / rules.get / rules.set
from switchlink.services import blacklist as blacklist  # blacklist.list/show/add/edit/lift/…
from switchlink.services import complaints as complaints  # complaints.* work orders (issue 16)
from switchlink.services import diagnostics as diagnostics  # status
from switchlink.services import dunning as dunning  # dunning.*: campaign, files, seat
from switchlink.services import floor as floor  # agents and calls: set_agent_state … originate
from switchlink.services import history as history  # history.intervals / calls / alarms
from switchlink.services import ivr as ivr  # ivr.flows / get / reload / emergency / counts
from switchlink.services import maintenance as maintenance  # tests, reset, sweep, rehearsal
from switchlink.services import reports as reports  # reports.list / get / generate / export
from switchlink.services import supervision as supervision  # agent states, bulk, team scope
from switchlink.services.users import admin as users_admin  # noqa: F401  users.list … unlock
from switchlink.services.users import commands as users  # noqa: F401  login … passwd, audit
