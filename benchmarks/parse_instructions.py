"""Instructions per seed-page parse, counted by valgrind's callgrind: a figure that does not
depend on what else the (shared, noisy) machine is doing, for comparing parser changes.

    python3 benchmarks/parse_instructions.py [--repeat 10]

Needs valgrind (`apt-get install valgrind`); says so and exits 0 when it is missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from reader.page import parse_page
pages = [p.read_bytes() for p in sorted(Path({seeds!r}).glob("*.txt"))]
for data in pages:
    parse_page(data, "warm-up")
for _ in range({repeat}):
    for data in pages:
        parse_page(data, "x")
"""


def instructions(repeat: int) -> int:
    code = CHILD.format(root=str(ROOT), seeds=str(ROOT / "seeds"), repeat=repeat)
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if not found:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind")
        return
    pages = len(list((ROOT / "seeds").glob("*.txt")))
    base = instructions(0)
    total = instructions(args.repeat)
    per_page = (total - base) / (args.repeat * pages)
    print(
        f"parse: {per_page / 1e6:.2f} M instructions per seed page (callgrind, {args.repeat} x {pages} pages)"
    )


if __name__ == "__main__":
    main()
