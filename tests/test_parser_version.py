"""PARSER_VERSION moves whenever the parser's output on the golden cases moves.

tests/figures/parser_versions.toml lists every version with a hash of what the parser returned
on every golden case. Change the parser's output and this test fails until the version is
bumped and the new hash recorded: stored figures carry the version, and ``evwatch reparse``
re-reads the articles whose figures an older version wrote.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

from crawler.figures import PARSER_VERSION, parse_figures
from crawler.figures.evaluation import load_cases

HERE = Path(__file__).resolve().parent / "figures"


def golden_output_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("golden_*.toml")):
        for case in load_cases(path):
            figures = [f.as_json() for f in parse_figures(case.text, case.published)]
            for f in figures:
                f.pop("snippet")
            digest.update(json.dumps([case.name, figures], sort_keys=True).encode())
    return digest.hexdigest()[:16]


def test_parser_version_names_the_current_output() -> None:
    versions = tomllib.loads((HERE / "parser_versions.toml").read_text("utf-8"))["version"]
    names = [v["name"] for v in versions]
    hashes = [v["golden_hash"] for v in versions]
    assert len(set(hashes)) == len(hashes), "two versions cannot share an output"
    assert names[-1] == PARSER_VERSION, "the newest listed version is PARSER_VERSION"
    current = golden_output_hash()
    assert hashes[-1] == current, (
        f"the parser's output on the golden cases changed: bump PARSER_VERSION (now "
        f"{PARSER_VERSION}) and add a version with golden_hash = {current!r} to "
        "tests/figures/parser_versions.toml"
    )
