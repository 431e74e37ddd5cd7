"""hfaxd's client protocol (hfaxd(8)) over the standard library's ftplib.

hfaxd speaks an FTP dialect: USER / PASS, ``STOT`` uploads, ``JNEW`` / ``JPARM`` / ``JSUBM``
jobs, ``LIST sendq`` with a ``JOBFMT`` format. hfaxd caches job state per control connection,
so every read opens a fresh session (:func:`session`). Every failure leaves here as a neutral
adapter error with host, port and what was being done: never an ftplib or socket traceback.
"""

from __future__ import annotations

import contextlib
import ftplib
import io
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass

from switchlink.adapters.errors import (
    AdapterError,
    LinkDown,
    LoginRefused,
    ProtocolSurprise,
    UnknownTarget,
)

#: field separator in our JOBFMT / MDMFMT; the free-text status goes last so it may hold one
SEP = "|"
JOB_FORMAT = SEP.join(("%j", "%a", "%e", "%P", "%m", "%t", "%Z", "%s"))
MODEM_FORMAT = SEP.join(("%m", "%n", "%s"))
FORMS = {"ps": "PS", "pdf": "PDF", "tiff": "TIFF"}
#: hfaxd's vertical resolution in lines per inch
RESOLUTIONS = {"standard": 98, "fine": 196}
_JOB_ID = re.compile(r"jobid:\s*(\d+)")


@dataclass(slots=True, frozen=True)
class JobRow:
    """One line of ``LIST sendq`` / ``LIST doneq``."""

    id: str
    state: str  # hfaxd's one-letter state: P S B W R T D F ?
    number: str
    pages_sent: int
    pages_total: int
    modem: str
    tries: int
    scheduled_at: float
    status: str
    queue: str


@dataclass(slots=True, frozen=True)
class ModemRow:
    modem: str
    number: str
    status: str


def document_form(data: bytes) -> str:
    """``ps``, ``pdf`` or ``tiff`` from the first bytes; ValueError for anything else."""
    if data.startswith(b"%!"):
        return "ps"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    raise ValueError("not PostScript, PDF or TIFF")


def _int(text: str) -> int:
    try:
        return int(text.strip() or 0)
    except ValueError:
        return 0


def parse_job(line: str, queue: str) -> JobRow:
    parts = line.split(SEP, 7)
    if len(parts) != 8 or not parts[0].strip().isdigit():
        raise ProtocolSurprise(f"hylafax: unexpected {queue} line {line[:120]!r}")
    job, state, number, pages, modem, tries, when, status = (p.strip() for p in parts)
    sent, _, total = pages.partition(":")
    return JobRow(job, state or "?", number, _int(sent), _int(total), modem, _int(tries),
                  float(_int(when)), status, queue)


class HylafaxSession:
    """One logged-in control connection; use :func:`session` to open and close it."""

    def __init__(self, ftp: ftplib.FTP, where: str) -> None:
        self.ftp = ftp
        self.where = where

    def command(self, cmd: str) -> str:
        try:
            return self.ftp.sendcmd(cmd)
        except ftplib.error_perm as exc:
            text = str(exc)
            if text.startswith(("530", "532")):
                raise LoginRefused(f"hylafax at {self.where}: {text}") from None
            raise ProtocolSurprise(f"hylafax at {self.where} refused {cmd.split()[0]}: "
                                   f"{text}") from None
        except (ftplib.error_reply, ftplib.error_temp, ftplib.error_proto) as exc:
            raise ProtocolSurprise(f"hylafax at {self.where}: unexpected reply to "
                                   f"{cmd.split()[0]}: {exc}") from None

    def lines(self, cmd: str) -> list[str]:
        out: list[str] = []
        try:
            self.ftp.retrlines(cmd, out.append)
        except ftplib.Error as exc:
            raise ProtocolSurprise(f"hylafax at {self.where}: {cmd} failed: {exc}") from None
        return out

    # --- jobs ---------------------------------------------------------------------------

    def submit(self, data: bytes, form: str, number: str, resolution: str, kill_after_min: int,
               from_user: str) -> str:
        """Upload the document and submit one job; returns hfaxd's job id."""
        self.command("TYPE I")
        self.command(f"FORM {FORMS[form]}")
        try:
            reply = self.ftp.storbinary("STOT", io.BytesIO(data))
        except ftplib.Error as exc:
            raise ProtocolSurprise(f"hylafax at {self.where}: upload failed: {exc}") from None
        match = re.search(r"FILE:\s*(\S+?)\)?\.?$", reply.strip())
        if not match:
            raise ProtocolSurprise(f"hylafax at {self.where}: upload reply without a file "
                                   f"name: {reply!r}")
        self.command("JOB default")  # JNEW copies the current job's parameters
        reply = self.command("JNEW")
        job = _JOB_ID.search(reply)
        if not job:
            raise ProtocolSurprise(f"hylafax at {self.where}: JNEW reply without a job id: "
                                   f"{reply!r}")
        hours, minutes = divmod(kill_after_min, 60)
        days, hours = divmod(hours, 24)
        for parm in (f"FROMUSER {from_user}", f"LASTTIME {days:02d}{hours:02d}{minutes:02d}",
                     f'DIALSTRING "{number}"', 'NOTIFY "none"',
                     f"VRES {RESOLUTIONS[resolution]}", f"DOCUMENT {match.group(1)}"):
            self.command(f"JPARM {parm}")
        self.command("JSUBM")
        return job.group(1)

    def kill(self, job: str) -> None:
        try:
            self.command(f"JKILL {job}")
        except ProtocolSurprise as exc:
            raise UnknownTarget(f"hylafax: cannot kill fax job {job}: {exc}") from None

    def jobs(self, queue: str) -> list[JobRow]:
        """``sendq`` or ``doneq`` rows in our format."""
        self.command(f'JOBFMT "{JOB_FORMAT}"')
        return [parse_job(line, queue) for line in self.lines(f"LIST {queue}") if line.strip()]

    def modems(self) -> tuple[str, list[ModemRow]]:
        """The scheduler's status line and one row per modem."""
        self.command(f'MDMFMT "{MODEM_FORMAT}"')
        scheduler, modems = "", []
        for line in self.lines("LIST status"):
            parts = line.split(SEP, 2)
            if len(parts) == 3:
                modems.append(ModemRow(*(p.strip() for p in parts)))
            elif line.strip():
                scheduler = line.strip()
        return scheduler, modems


def _reachable_error(where: str, exc: BaseException) -> AdapterError:
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(
        exc).__name__
    if isinstance(exc, TimeoutError | socket.timeout):
        why = "no answer (timed out)"
    elif isinstance(exc, EOFError):
        why = "the server closed the connection"
    return LinkDown(f"hylafax at {where} is unreachable: {why}")


@contextlib.contextmanager
def session(host: str, port: int, user: str, password: str, timeout_s: float
            ) -> Iterator[HylafaxSession]:
    """A fresh logged-in session; neutral errors for refusals, silence and nonsense."""
    where = f"{host}:{port}"
    ftp = ftplib.FTP(timeout=timeout_s)
    try:
        try:
            banner = ftp.connect(host, port, timeout=timeout_s)
        except EOFError:
            raise ProtocolSurprise(f"hylafax at {where} closed the connection without a "
                                   "greeting (is it a HylaFAX server?)") from None
        except OSError as exc:
            raise _reachable_error(where, exc) from None
        except ftplib.Error as exc:
            raise ProtocolSurprise(f"hylafax at {where} answered but not as a HylaFAX "
                                   f"server: {exc}") from None
        if "hylafax" not in banner.lower():
            raise ProtocolSurprise(f"hylafax at {where} is not a HylaFAX server "
                                   f"(banner {banner[:80]!r})")
        sess = HylafaxSession(ftp, where)
        try:
            reply = ftp.sendcmd(f"USER {user}")
            if reply.startswith("331"):
                ftp.sendcmd(f"PASS {password}")
        except ftplib.error_perm as exc:
            raise LoginRefused(f"hylafax at {where} refused the login of {user!r}: {exc}"
                               ) from None
        except ftplib.Error as exc:
            raise ProtocolSurprise(f"hylafax at {where}: unexpected login reply: {exc}"
                                   ) from None
        yield sess
    except (OSError, EOFError) as exc:
        raise _reachable_error(where, exc) from None
    finally:
        with contextlib.suppress(Exception):
            ftp.close()
