"""Small CLI promises: `--version`, `search` with no query, empty pages exit 1, folders accepted
by `parse` and `names`, and `reader cache` listing and cleaning the search indexes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT, SEEDS, seed_pages
from tests.test_cli_parse import reader


def test_version_is_the_packages() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE).group(1)  # type: ignore[union-attr]
    result = reader("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reader (kanbao) {version}"


def test_search_without_a_query_asks_for_the_query_only() -> None:
    result = reader("search")
    assert result.returncode == 2
    assert "QUERY" in result.stderr and "PATH" not in result.stderr.split(":", 1)[1].split("[")[0]
    assert "Traceback" not in result.stderr


def test_parse_of_an_empty_page_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = reader("parse", str(empty))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "no text" in result.stderr
    both = reader("parse", str(empty), str(seed_pages()[0]))
    assert both.returncode == 1 and "进入4月下旬" in both.stdout  # the other page still printed


def test_parse_and_names_accept_a_folder() -> None:
    result = reader("parse", "--json", str(SEEDS))
    assert result.returncode == 0, result.stderr
    sources = [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()]
    assert sources == [page.name for page in seed_pages()]
    names = reader("names", str(SEEDS))
    assert names.returncode == 0, names.stderr
    assert "章旭升" in names.stdout and names.stdout.count("━━ ") == 2


def test_a_folder_without_pages_is_an_error(tmp_path: Path) -> None:
    result = reader("parse", str(tmp_path))
    assert result.returncode == 1 and "no pages" in result.stderr


def test_cache_lists_and_cleans_the_search_indexes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    other = tmp_path / "other"
    other.mkdir()
    (other / "p.txt").write_text((SEEDS / seed_pages()[0].name).read_text(encoding="utf-8"), encoding="utf-8")
    assert reader("search", "数字", str(SEEDS), "--cache", str(cache)).returncode == 0
    assert reader("search", "永城", str(other), "--cache", str(cache)).returncode == 0
    listing = reader("cache", "--cache", str(cache))
    assert listing.returncode == 0
    lines = [line for line in listing.stdout.splitlines() if line.startswith("index-")]
    assert len(lines) == 2 and any("2 pages" in line for line in lines)
    marked = reader("cache", "list", str(other), "--cache", str(cache))
    assert sum("← PATH" in line for line in marked.stdout.splitlines()) == 1
    # Cleaning one archive's index leaves the other.
    assert reader("cache", "clean", str(other), "--cache", str(cache)).returncode == 0
    assert len(list((cache / "search").glob("index-*.sqlite3"))) == 1
    cleaned = reader("cache", "clean", "--cache", str(cache))
    assert cleaned.returncode == 0 and "removed 1 search index" in cleaned.stdout
    assert not list((cache / "search").glob("index-*"))
    again = reader("cache", "clean", "--cache", str(cache))
    assert again.returncode == 1 and "no search index" in again.stderr
