"""Imports go one way: evwatch (CLI, daemon) -> crawler -> alerts -> store, and the figure
parser (crawler.figures) imports nothing else of the project. Read from the source, every
import statement, those inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = ("evwatch", "crawler", "alerts", "store")
PARSER = "crawler.figures"
# What each layer may import from the project (itself always). crawler.schema is the
# configuration schema's common ground (pydantic base, TOML errors, the default time zone).
ALLOWED = {
    PARSER: (PARSER,),
    "store": ("store",),
    "alerts": ("alerts", "store", PARSER, "crawler.schema"),
    "crawler": ("crawler", "alerts", "store"),
    "evwatch": ("evwatch", "crawler", "alerts", "store"),
}


def module_files() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (REPO / package).rglob("*.py"))


def layer_of(path: Path) -> str:
    relative = path.relative_to(REPO).as_posix()
    if relative.startswith("crawler/figures/"):
        return PARSER
    return relative.split("/", 1)[0]


def project_imports(path: Path) -> set[str]:
    """Every project module the file imports, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found.update(n for n in names if n.split(".", 1)[0] in PACKAGES)
    return found


def allowed(importer_layer: str, module: str) -> bool:
    return any(module == a or module.startswith(f"{a}.") for a in ALLOWED[importer_layer])


@pytest.mark.parametrize("path", module_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_imports_follow_the_layers(path: Path) -> None:
    layer = layer_of(path)
    wrong = sorted(m for m in project_imports(path) if not allowed(layer, m))
    assert wrong == [], f"{layer} must not import {wrong}"


def test_nothing_below_imports_the_command_line_or_the_daemon() -> None:
    offenders = [
        p.relative_to(REPO).as_posix()
        for p in module_files()
        if layer_of(p) != "evwatch" and any(m.startswith("evwatch") for m in project_imports(p))
    ]
    assert offenders == []


def test_production_settings_do_not_route_through_the_replica() -> None:
    settings = (REPO / "crawler" / "settings.py").read_text(encoding="utf-8")
    assert "replica" not in settings.lower()
