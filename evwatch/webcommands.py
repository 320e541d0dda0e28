"""``evwatch serve`` (the read-only dashboard, served by uvicorn) and ``evwatch chart`` (an
entity's monthly charts as one SVG file)."""

from __future__ import annotations

import argparse
import gc
import ipaddress
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.errors import CommandError
from evwatch.options import alert_config

if TYPE_CHECKING:
    from store.db import Database

TOKEN_ENV = "EVWATCH_SERVE_TOKEN"
MIN_TOKEN_LENGTH = 16


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serving_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that port 0 gives a free port we can print."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise CommandError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from crawler.seeds import load_seeds
    from evwatch.web.app import LOOPBACK_HOSTS, create_app
    from store.dburl import resolve_db_url
    from store.readonly import ReadOnlyDatabase

    token = os.environ.get(TOKEN_ENV) or None
    loopback = is_loopback(args.host)
    if not loopback and token is None:
        raise CommandError(
            f"--host {args.host} is reachable from other machines: set {TOKEN_ENV} to a "
            f"secret of {MIN_TOKEN_LENGTH}+ characters first (clients then send it)"
        )
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise CommandError(f"{TOKEN_ENV} must be at least {MIN_TOKEN_LENGTH} characters")
    db = ReadOnlyDatabase(resolve_db_url(args.db))
    config = alert_config(args)
    seeds = load_seeds(args.seeds)
    hosts = [*LOOPBACK_HOSTS, args.host] if loopback else None
    app = create_app(db, config, seeds, token=token, allowed_hosts=hosts)
    sock = serving_socket(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"evwatch dashboard on http://{shown}:{port}/ (read-only: {db.display_url})")
    if token:
        print(f"token required ({TOKEN_ENV}): open http://{shown}:{port}/?token=... once")
    sys.stdout.flush()
    # what is loaded by now (the lexicon, templates, SQLAlchemy) lives as long as the server:
    # kept out of the garbage collector's passes, which a big page's many rows set off
    gc.collect()
    gc.freeze()
    server = uvicorn.Server(
        uvicorn.Config(app, log_level=args.log_level.lower() if args.log_level else "warning",
                       access_log=False, lifespan="off", server_header=False)
    )  # fmt: skip
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        db.dispose()
    return 0


def cmd_chart(args: argparse.Namespace, db: Database) -> int:
    from evwatch.web.charts import stacked_svg
    from evwatch.web.pages import metric_series

    svg = stacked_svg(metric_series(db, alert_config(args), args.entity, args.metric))
    if args.output in (None, "-"):
        sys.stdout.write(svg)
        return 0
    try:
        Path(args.output).write_text(svg, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"{args.output}: cannot write ({exc.strerror})") from None
    print(f"{args.output}: written")
    return 0


def add_web_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from evwatch.cli import runs

    serve = commands.add_parser(
        "serve", help="a read-only web dashboard over the database (127.0.0.1 by default)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8080, help="port (0: any free port)")
    runs(serve, "evwatch.webcommands:cmd_serve", db=False)

    chart = commands.add_parser("chart", help="write an entity's monthly charts as SVG")
    chart.add_argument("entity", metavar="ENTITY", help="a maker, group or region (any alias)")
    chart.add_argument("--metric", choices=("deliveries", "production", "sales", "exports"))
    chart.add_argument("-o", "--output", help="the SVG file to write (default: stdout)")
    runs(chart, "evwatch.webcommands:cmd_chart")
