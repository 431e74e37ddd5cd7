"""The HylaFAX adapter against a real faxq + hfaxd (no modem: jobs wait in the send queue)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hylafax_server import HylafaxServer, hylafax_options

from models.equipment import EquipmentStatus
from models.events import Event, FaxJobChanged, LinkStatusChanged
from models.fax import FaxStatus
from switchlink.adapters.errors import (
    InvalidArgument,
    LinkDown,
    LoginRefused,
    ProtocolSurprise,
    UnknownTarget,
)
from switchlink.adapters.hylafax import HylafaxAdapter

pytestmark = pytest.mark.hylafax

DOCUMENTS = {
    "bill.ps": b"%!PS-Adobe-3.0\n/Helvetica findfont 12 scalefont setfont\n"
               b"72 720 moveto (Bill 2026-03) show showpage\n",
    "bill.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "bill.tif": b"II*\x00\x08\x00\x00\x00\x00\x00",
}


@pytest.fixture
def fax(hylafax_server: HylafaxServer) -> Iterator[HylafaxAdapter]:
    adapter = HylafaxAdapter(**hylafax_options(hylafax_server))
    adapter.start()
    yield adapter
    adapter.shutdown()


def document(tmp_path: Path, name: str = "bill.ps") -> str:
    path = tmp_path / name
    path.write_bytes(DOCUMENTS[name])
    return str(path)


def wait_for(adapter: HylafaxAdapter, match, timeout_s: float = 5.0) -> list[Event]:  # type: ignore[no-untyped-def]
    out: list[Event] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        out += adapter.poll(timeout=0.1)
        if any(match(e) for e in out):
            return out
    raise AssertionError(f"no matching event in {out}")


def test_a_refused_login_is_a_clear_neutral_error(hylafax_server: HylafaxServer) -> None:
    adapter = HylafaxAdapter(**hylafax_options(hylafax_server, password="wrong"))
    with pytest.raises(LoginRefused, match=r"refused the login of 'callfloor': 530"):
        adapter.start()


def test_an_unreachable_server_is_link_down() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(LinkDown, match=f"127.0.0.1:{port} is unreachable: Connection refused"):
        HylafaxAdapter(port=port).start()


def test_something_that_is_not_hylafax_is_a_protocol_error() -> None:
    listener = socket.create_server(("127.0.0.1", 0))

    def answer() -> None:
        client, _ = listener.accept()
        client.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
        time.sleep(0.5)
        client.close()

    threading.Thread(target=answer, daemon=True).start()
    with pytest.raises(ProtocolSurprise, match="closed the connection without a greeting"):
        HylafaxAdapter(port=listener.getsockname()[1], timeout_s=2).start()
    listener.close()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_job_is_submitted_followed_and_killed(fax: HylafaxAdapter, tmp_path: Path,
                                                name: str) -> None:
    job = fax.send_fax("95598", document(tmp_path, name), resolution="standard")
    assert fax.fax_status(job).status == FaxStatus.QUEUED
    assert job in {j.id for j in fax.fax_jobs("send")}
    fax.cancel_fax(job)
    events = wait_for(fax, lambda e: isinstance(e, FaxJobChanged) and e.job == job
                      and e.status == FaxStatus.FAILED)
    [failed] = [e for e in events if isinstance(e, FaxJobChanged) and e.status
                == FaxStatus.FAILED and e.job == job]
    assert failed.error == "Job aborted by request" and failed.number == "95598"
    status = fax.fax_status(job)
    assert (status.status, status.error) == (FaxStatus.FAILED, "Job aborted by request")
    assert job in {j.id for j in fax.fax_jobs("done")}
    with pytest.raises(UnknownTarget, match="already finished"):
        fax.cancel_fax(job)


def test_bad_documents_and_jobs_are_clear_errors(fax: HylafaxAdapter, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("just text")
    with pytest.raises(InvalidArgument, match="not PostScript, PDF or TIFF"):
        fax.send_fax("95598", str(text))
    with pytest.raises(InvalidArgument, match="cannot read document"):
        fax.send_fax("95598", str(tmp_path / "missing.ps"))
    with pytest.raises(InvalidArgument, match="quote"):
        fax.send_fax('95598" JKILL', document(tmp_path))
    with pytest.raises(UnknownTarget, match="no fax job 99999"):
        fax.fax_status("99999")


def test_the_fax_board_self_test_reads_the_scheduler(fax: HylafaxAdapter) -> None:
    fax.self_test("hylafax")
    events = wait_for(fax, lambda e: type(e).__name__ == "TestCompleted")
    [result] = [e for e in events if type(e).__name__ == "TestCompleted"]
    assert result.passed and "Running" in result.detail


class Proxy:
    """A TCP forwarder to hfaxd's control port that a test can cut and restore."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target))
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.open = False
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.cut()
        self.listener.close()


def test_a_dropped_connection_reconnects_with_back_off(hylafax_server: HylafaxServer) -> None:
    proxy = Proxy(hylafax_server.port)
    adapter = HylafaxAdapter(**hylafax_options(hylafax_server, port=proxy.port,
                                               max_backoff_s=0.4))
    adapter.start()
    try:
        proxy.cut()
        events = wait_for(adapter, lambda e: isinstance(e, LinkStatusChanged))
        [down] = [e for e in events if isinstance(e, LinkStatusChanged)]
        assert down.status == EquipmentStatus.DOWN and "hylafax at" in down.error
        with pytest.raises(LinkDown, match="is down"):
            adapter.fax_jobs("send")
        assert adapter.boards()[0].status == EquipmentStatus.DOWN
        proxy.open = True
        events = wait_for(adapter, lambda e: isinstance(e, LinkStatusChanged))
        assert [e.status for e in events if isinstance(e, LinkStatusChanged)] == [
            EquipmentStatus.UP]
        assert adapter.links()[0].counters.errors == 1
        adapter.fax_jobs("send")  # works again
    finally:
        adapter.shutdown()
        proxy.close()
