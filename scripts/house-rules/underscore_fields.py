#!/usr/bin/env python3
"""Renames private instance fields written in the `this.field` style to the house style `_field` (IDE1006), which
`dotnet format` cannot do (its naming fix does not support fixing all at once).

In each folder: every `private [readonly] TYPE name [= ...];` field (not const, not static) is declared as `_name`,
and every `this.name` of the assembly becomes `_name` (partial classes spread one class's fields over several files).
A use without `this.` is left alone: in this style it names a parameter or local; if it named the field, the build
afterwards says so (the old name no longer exists).

Usage: underscore_fields.py FOLDER...
"""
import pathlib
import re
import sys

FIELD = re.compile(r"^(?P<head>\s*(?:\[[^\]]*\]\s*)*private\s+(?:readonly\s+)?(?!static\b|const\b)[^=;(){}]+?\s)(?P<name>[a-z][A-Za-z0-9]*)(?P<tail>\s*(?:=|;))")

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
