"""Lists the public declarations of Goldilocks' library products that take or expose an `Unsafe…`
type, from the symbol graphs `swift package dump-symbol-graph` writes.

    public_api.py SYMBOLGRAPH_DIR MODULE... [--allow FILE] [--write FILE]

A declaration counts when its text names a type starting with `Unsafe` or a public typealias that
does (`HalfJob = @convention(c) (UnsafeRawPointer, Int) -> Void`). Each is printed on one line,
`Module Path: declaration`. With --allow, fails on lines not in FILE (new raw-pointer API) and on
lines of FILE no longer found (the list only shrinks: delete them). --write FILE writes the list.
"""

import argparse
import json
import re
import sys
from pathlib import Path

UNSAFE = re.compile(r"\bUnsafe\w*")


def declarations(folder: Path, modules: set[str]):
    """(module, path, declaration, usr, referenced usrs) of every public symbol of `modules`."""
    for file in sorted(folder.glob("*.symbols.json")):
        graph = json.loads(file.read_text())
        module = graph["module"]["name"]
        if module not in modules:
            continue
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            fragments = symbol.get("declarationFragments", [])
            text = " ".join("".join(f["spelling"] for f in fragments).split())
            refs = {f["preciseIdentifier"] for f in fragments if f.get("preciseIdentifier")}
            path = ".".join(symbol["pathComponents"])
            yield module, path, text, symbol["identifier"]["precise"], refs


def unsafe_lines(folder: Path, modules: set[str]) -> list[str]:
    symbols = list(declarations(folder, modules))
    # Aliases to raw-pointer types count, and so does every declaration that names one.
    flagged = {usr for _, _, text, usr, _ in symbols if UNSAFE.search(text)}
    while True:
        more = {usr for _, _, _, usr, refs in symbols if usr not in flagged and refs & flagged}
        if not more:
            break
        flagged |= more
    return sorted({f"{module} {path}: {text}" for module, path, text, usr, _ in symbols if usr in flagged})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("modules", nargs="+")
    parser.add_argument("--allow", type=Path)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    if not any(args.folder.glob("*.symbols.json")):
        print(f"public_api.py: no symbol graphs in {args.folder}", file=sys.stderr)
        return 2
    found = unsafe_lines(args.folder, set(args.modules))
    for line in found:
        print(line)
    print(f"{len(found)} public declarations take or expose an Unsafe type")
    if args.write:
        args.write.write_text("".join(line + "\n" for line in found))
    if args.allow:
        allowed = {line for line in args.allow.read_text().splitlines() if line and not line.startswith("#")}
        new = [line for line in found if line not in allowed]
        gone = sorted(allowed - set(found))
        for line in new:
            print(f"NEW: {line}", file=sys.stderr)
        for line in gone:
            print(f"GONE (delete it from {args.allow}): {line}", file=sys.stderr)
        if new or gone:
            print(f"check-public-api: FAILED, {len(new)} new and {len(gone)} stale lines against {args.allow}. "
                  "Pass a safe value (a Batch, an inout model) instead of a raw pointer, or make a kernel-only API "
                  "`package`; delete stale lines, never add them.", file=sys.stderr)
            return 1
        print(f"check-public-api: no new raw-pointer public API ({len(found)} allowed, shrinking)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
