"""Running the hub's HTTP server (uvicorn): one process, or several sharing one listening socket."""

from __future__ import annotations

import errno
import socket
import sys
from collections.abc import Callable

import uvicorn


class ServerConfig(uvicorn.Config):
    """uvicorn's settings, with the listening socket the worker processes share made as a TCP one.

    uvicorn makes it without naming the protocol, and asyncio turns Nagle's algorithm off only on the
    connections of sockets that name it: every answer of a worker process then waited 40 ms for the
    laptop's delayed acknowledgement (an idle sync took twice as long with two processes as with one)."""

    def bind_socket(self) -> socket.socket:
        if self.uds is not None or self.fd is not None:
            return super().bind_socket()
        family = socket.AF_INET6 if self.host and ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
            sock.listen(self.backlog)
        except OSError as exc:
            sock.close()
            print(f"lindung-hub: tidak dapat melayani di {self.host}:{self.port}: {_why_not(exc, self.port)}",
                  file=sys.stderr)
            raise SystemExit(3) from None
        sock.set_inheritable(True)
        return sock


def _why_not(exc: OSError, port: int) -> str:
    """Why the hub cannot listen, and what to do, in words."""
    if exc.errno == errno.EADDRINUSE:
        return (f"port {port} sudah dipakai program lain (mungkin hub ini sudah berjalan); hentikan program itu "
                "atau pilih --port lain")
    if exc.errno == errno.EACCES:
        return f"port {port} butuh hak administrator (port di bawah 1024); pilih --port 1024 atau lebih"
    if exc.errno == errno.EADDRNOTAVAIL:
        return "alamat --host itu bukan milik mesin ini; pakai 127.0.0.1, 0.0.0.0 atau alamat mesin ini"
    if isinstance(exc, socket.gaierror):
        return "nama --host tidak dikenal; pakai alamat IP mesin ini"
    return f"galat jaringan {errno.errorcode.get(exc.errno or 0, exc.errno)}"


def serve(host: str, port: int, workers: int, listening: Callable[[], None] | None = None) -> None:
    """Serve ``hub.asgi:app`` (its database from LINDUNG_HUB_DB) until stopped. The port is taken first
    (or the reason it cannot be, exit status 3), then ``listening()`` runs (it says the hub serves)."""
    config = ServerConfig("hub.asgi:app", host=host, port=port, workers=workers, log_level="warning")
    sock = config.bind_socket()
    if listening is not None:
        listening()
    if config.workers > 1:
        from uvicorn.supervisors import Multiprocess

        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])
