#!/usr/bin/env python3
"""Renames private instance fields written in the `this.field` style to the house style `_field` (IDE1006), which
`dotnet format` cannot do (its naming fix does not support fixing all at once).

In each folder: every `private [readonly] TYPE name [= ...];` field (not const, not static) is declared as `_name`,
and every `this.name` of the assembly becomes `_name` (partial classes spread one class's fields over several files).
A use without `this.` is left alone: in this style it names a parameter or local; if it named the field, the build
afterwards says so (the old name no longer exists).

Usage: underscore_fields.py FOLDER...
       underscore_fields.py --uses PROJECT   after the rename: builds PROJECT and renames each use without `this.`
                                             that the compiler reports as unknown (CS0103 at its line and column),
                                             until none is left
"""
import pathlib
import re
import sys

FIELD = re.compile(r"^(?P<head>\s*(?:\[[^\]]*\]\s*)*private\s+(?:readonly\s+)?(?!static\b|const\b)[^=;(){}]+?\s)(?P<name>[a-z][A-Za-z0-9]*)(?P<tail>\s*(?:=|;))")

def fix_uses(project: str):
    import subprocess
    for _ in range(5):
        build = subprocess.run(["dotnet", "build", project, "-v", "q", "--nologo"], capture_output=True, text=True)
        unknown = set(re.findall(r"^(/\S+\.cs)\((\d+),(\d+)\): error CS0103: The name '([a-z]\w*)'", build.stdout, re.M))
        if not unknown:
            return
        by_file = {}
        for path, line, column, name in unknown:
            by_file.setdefault(path, []).append((int(line), int(column), name))
        for path, places in by_file.items():
            raw = pathlib.Path(path).read_bytes()
            bom = raw.startswith(b"\xef\xbb\xbf")
            lines = raw.decode("utf-8-sig").split("\n")
            for line, column, name in sorted(places, reverse=True):
                text = lines[line - 1]
                if text[column - 1:column - 1 + len(name)] == name:
                    lines[line - 1] = text[:column - 1] + "_" + text[column - 1:]
            pathlib.Path(path).write_text("\n".join(lines), encoding="utf-8-sig" if bom else "utf-8")
            print(f"field uses renamed: {path}")


if sys.argv[1] == "--uses":
    fix_uses(sys.argv[2])
    sys.exit(0)

for folder in sys.argv[1:]:
    files = [p for p in sorted(pathlib.Path(folder).rglob("*.cs")) if "/obj/" not in str(p) and "/bin/" not in str(p)]
    texts = {}
    names = set()
    for path in files:
        raw = path.read_bytes()
        texts[path] = (raw.startswith(b"\xef\xbb\xbf"), raw.decode("utf-8-sig"))
        for line in texts[path][1].split("\n"):
            if m := FIELD.match(line):
                names.add(m["name"])
    if not names:
        continue
    uses = re.compile(r"\bthis\.(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    for path, (bom, text) in texts.items():
        lines = []
        for line in text.split("\n"):
            if m := FIELD.match(line):
                line = m["head"] + "_" + m["name"] + m["tail"] + line[m.end():]
            lines.append(uses.sub(lambda u: "_" + u.group(1), line))
        fixed = "\n".join(lines)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8-sig" if bom else "utf-8")
            print(f"fields renamed to _field: {path}")
