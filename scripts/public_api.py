"""Lists the public declarations of Goldilocks' library products that take or expose an `Unsafe…`
type, from the symbol graphs `swift package dump-symbol-graph` writes.

    public_api.py SYMBOLGRAPH_DIR MODULE... [--check]

A declaration counts when its text names a type starting with `Unsafe` or a public typealias that
does (`HalfJob = @convention(c) (UnsafeRawPointer, Int) -> Void`). Each is printed on one line,
`Module Path: declaration`. With --check, fails when there is any: pointers stay inside the
kernels (`package` or internal), and users pass values (a `Batch`, an `inout` model).
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
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not any(args.folder.glob("*.symbols.json")):
        print(f"public_api.py: no symbol graphs in {args.folder}", file=sys.stderr)
        return 2
    found = unsafe_lines(args.folder, set(args.modules))
    for line in found:
        print(line)
    print(f"{len(found)} public declarations take or expose an Unsafe type")
    if args.check and found:
        print("check-public-api: FAILED, pass a safe value (a Batch, an inout model, an array) instead of a raw "
              "pointer, or make a kernel-only API `package`", file=sys.stderr)
        return 1
    if args.check:
        print("check-public-api: no raw pointer in the public API")
    return 0


if __name__ == "__main__":
    sys.exit(main())
