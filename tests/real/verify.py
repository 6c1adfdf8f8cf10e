#!/usr/bin/env python3
"""Checks the texts of the real development set against tests/real/manifest.tsv.

Each text in tests/real/texts/<id>.txt must have the SHA-256 the manifest gives, and
each manifest row a gold annotation in tests/real/gold/<id>.json. Prints one line per
problem and a summary; exits 1 when a text differs or a gold file is missing or broken
(missing texts are only counted: they are not in the repository).

Usage: python3 tests/real/verify.py
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    rows = (HERE / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    header, rows = rows[0].split("\t"), [r.split("\t") for r in rows[1:] if r.strip()]
    if header != ["id", "address", "search_words", "sha256", "split"]:
        print(f"manifest.tsv: unexpected header {header}")
        return 1
    bad = missing = 0
    seen = set()
    for cells in rows:
        if len(cells) != 5:
            print(f"manifest.tsv: row of {len(cells)} cells: {cells[:1]}")
            bad += 1
            continue
        ident, address, _words, digest, split = cells
        if ident in seen or split not in ("dev", "test"):
            print(f"{ident}: duplicate id or bad split {split!r}")
            bad += 1
        seen.add(ident)
        gold = HERE / "gold" / f"{ident}.json"
        try:
            json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{ident}: gold annotation unreadable: {e}")
            bad += 1
        text = HERE / "texts" / f"{ident}.txt"
        if not text.exists():
            missing += 1
            continue
        if hashlib.sha256(text.read_bytes()).hexdigest() != digest:
            print(f"{ident}: text differs from the manifest's SHA-256 ({address})")
            bad += 1
    dev = sum(1 for c in rows if len(c) == 5 and c[4] == "dev")
    print(f"{len(rows)} reports ({dev} development, {len(rows) - dev} test); "
          f"{missing} texts missing; {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
