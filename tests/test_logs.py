"""Daemon logging: one line per event, as text or JSON, tracebacks folded into that line."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from evwatch.logs import setup_logging


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


def test_json_lines_carry_level_logger_and_message(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", "json")
    log = logging.getLogger("evwatch.daemon")
    log.info("crawl %s: %s\nsecond line", "jiemian", "ok")
    log.debug("not shown")
    try:
        raise ValueError("bad page")
    except ValueError:
        log.exception("dispatch failed")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["level"] == "INFO" and first["logger"] == "evwatch.daemon"
    assert first["message"] == "crawl jiemian: ok second line"
    assert second["error"] == "ValueError: bad page"


def test_text_lines_fold_tracebacks(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("WARNING", "text")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logging.getLogger("evwatch.daemon").exception("housekeeping failed")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert "ERROR evwatch.daemon: housekeeping failed" in lines[0]
    assert lines[0].endswith("RuntimeError: boom")
