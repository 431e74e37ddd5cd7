"""A small TCP server that answers AMI actions from transcripts and pushes events on demand.

It parses actions itself (not with the adapter's parser), records every action it received,
and can push text in arbitrary chunks to test lines split across reads.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

import ami_transcripts as t

Responder = Callable[[dict[str, str]], str]


class AmiReplayServer:
    def __init__(self, secret: str = "s3cret") -> None:
        self.secret = secret
        self.actions: list[dict[str, str]] = []
        self.responses: dict[str, Responder] = {
            "login": self._login,
            "logoff": lambda a: t.crlf("Response: Goodbye\nActionID: {id}\n"
                                       "Message: Thanks for all the fish.\n\n"),
            "queuestatus": lambda a: t.QUEUE_STATUS,
            "queuesummary": lambda a: t.QUEUE_SUMMARY,
            "dahdishowstatus": lambda a: t.NO_DAHDI,
            "ping": lambda a: t.PING,
            "command": lambda a: t.COMMAND_OUTPUT,
            "queuepause": lambda a: t.ack("Interface paused successfully" if a.get("paused")
                                          == "true" else "Interface unpaused successfully"),
            "queueadd": lambda a: t.ack("Added interface to queue"),
            "queueremove": lambda a: t.ack("Removed interface from queue"),
            "queuepenalty": lambda a: t.ack("Interface penalty set successfully"),
            "originate": lambda a: t.ack("Originate successfully queued"),
            "hangup": lambda a: t.ack("Channel Hungup"),
            "playdtmf": lambda a: t.ack("DTMF successfully queued"),
            "redirect": lambda a: t.ack("Redirect successful"),
        }
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._clients: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _login(self, action: dict[str, str]) -> str:
        return t.LOGIN_OK if action.get("secret") == self.secret else t.LOGIN_REFUSED

    # --- serving ------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._clients.append(client)
                self.connections += 1
            client.sendall(t.BANNER.encode())
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        buffer = b""
        while True:
            try:
                data = client.recv(65536)
            except OSError:
                return
            if not data:
                return
            buffer += data
            while b"\r\n\r\n" in buffer:
                block, buffer = buffer.split(b"\r\n\r\n", 1)
                action = {}
                for line in block.decode().split("\r\n"):
                    key, _, value = line.partition(": ")
                    action[key.lower()] = value
                with self._lock:
                    self.actions.append(action)
                name = action.get("action", "").lower()
                responder = self.responses.get(name)
                text = responder(action) if responder else t.error(
                    f"Invalid/unknown command: {action.get('action')}. Use Action: "
                    "ListCommands to show available commands.")
                try:
                    client.sendall(text.replace("{id}", action.get("actionid", "")).encode())
                except OSError:
                    return

    # --- test controls ------------------------------------------------------------------

    def push(self, text: str, chunk: int = 0, pause_s: float = 0.0) -> None:
        """Send ``text`` to every client, in ``chunk``-byte pieces if asked."""
        data = text.encode()
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            pieces = [data[i:i + chunk] for i in range(0, len(data), chunk)] if chunk else [data]
            for piece in pieces:
                try:
                    client.sendall(piece)
                except OSError:
                    break
                if pause_s:
                    time.sleep(pause_s)

    def drop(self) -> None:
        """Cut every client connection, as a restarting Asterisk would."""
        with self._lock:
            clients, self._clients = self._clients, []
        for client in clients:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()

    def sent(self, action: str) -> list[dict[str, str]]:
        with self._lock:
            return [a for a in self.actions if a.get("action", "").lower() == action.lower()]

    def close(self) -> None:
        self._closed = True
        self.drop()
        self._listener.close()


def ami_options(server: AmiReplayServer, **extra: object) -> dict[str, object]:
    """Adapter options for ``server``, with short time-outs and back-off for tests."""
    return {"port": server.port, "username": "callfloor", "secret": server.secret,
            "timeout_s": 2.0, "max_backoff_s": 0.2, **extra}
