"""Running the hub's HTTP server (uvicorn): one process, or several sharing one listening socket."""

from __future__ import annotations

import socket
import sys

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
        except OSError as exc:
            sock.close()
            print(f"lindung-hub: tidak dapat melayani di {self.host}:{self.port}: {exc.strerror}", file=sys.stderr)
            raise SystemExit(3) from None
        sock.set_inheritable(True)
        return sock


def serve(host: str, port: int, workers: int) -> None:
    """Serve ``hub.asgi:app`` (its database from LINDUNG_HUB_DB) until stopped."""
    config = ServerConfig("hub.asgi:app", host=host, port=port, workers=workers, log_level="warning")
    if config.workers > 1:
        from uvicorn.supervisors import Multiprocess

        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()
