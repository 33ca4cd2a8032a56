#!/usr/bin/env python3
"""Renames private instance fields written in the `this.field` style to the house style `_field` (IDE1006), which
`dotnet format` cannot do (its naming fix does not support fixing all at once).

In each folder: every `private [readonly] TYPE name [= ...];` field (not const, not static) is declared as `_name`,
and every `this.name` of the assembly becomes `_name` (partial classes spread one class's fields over several files).
A use without `this.` is left alone: in this style it names a parameter or local; if it named the field, the build
afterwards says so (the old name no longer exists).

One exception the build would not catch: a field initialised from the primary-constructor parameter of its own name
(`class C(Policy? retry) { private readonly Policy retry = retry ?? new(); }`). There the bare `retry` in the members
named the field (members shadow primary-constructor parameters); once the field is `_retry` they would silently bind to
the parameter instead (nullable, and now captured). So in that file every bare `retry` outside the primary constructor's
parameter list, the field's initialiser and comments becomes `_retry` too, and the file is listed for review.

Usage: underscore_fields.py FOLDER...
       underscore_fields.py --uses PROJECT   after the rename: builds PROJECT and renames each use without `this.`
                                             that the compiler reports as unknown (CS0103 at its line and column),
                                             until none is left; then lists what the compiler still warns of as a
                                             captured primary-constructor parameter (CS9124) for a person
"""
import re
import subprocess
import sys

from cs_sources import read, sources, text_positions, write

FIELD = re.compile(r"^(?P<head>\s*(?:\[[^\]]*\]\s*)*private\s+(?:readonly\s+)?(?!static\b|const\b)[^=;(){}]+?\s)(?P<name>[a-z][A-Za-z0-9]*)(?P<tail>\s*(?:=|;))")
PRIMARY_CONSTRUCTOR = re.compile(r"\b(?:class|record|struct)\s+\w+(?:<[^>]*>)?\s*\(")


def fix_uses(project: str):
    for _ in range(5):
        build = subprocess.run(["dotnet", "build", project, "-v", "q", "--nologo"], capture_output=True, text=True)
        unknown = set(re.findall(r"^(/\S+\.cs)\((\d+),(\d+)\): error CS0103: The name '([a-z]\w*)'", build.stdout, re.M))
        if not unknown:
            break
        by_file = {}
        for path, line, column, name in unknown:
            by_file.setdefault(path, []).append((int(line), int(column), name))
        for path, places in by_file.items():
            text, bom = read(path)
            lines = text.split("\n")
            for line, column, name in sorted(places, reverse=True):
                text = lines[line - 1]
                if text[column - 1:column - 1 + len(name)] == name:
                    lines[line - 1] = text[:column - 1] + "_" + text[column - 1:]
            write(path, "\n".join(lines), bom)
            print(f"field uses renamed: {path}")
    for warning in sorted(set(re.findall(r"^(/\S+\.cs\(\d+,\d+\)): warning CS9124: (.*?) \[", build.stdout, re.M))):
        print(f"left for a person: {warning[0]}: {warning[1]}")


def primary_constructor_lines(lines):
    """Indexes of the lines that hold a primary constructor's parameter list (from `class C(` to its closing parenthesis)."""
    held = set()
    for index, line in enumerate(lines):
        if not (m := PRIMARY_CONSTRUCTOR.search(line)):
            continue
        depth, at = 0, index
        column = m.end() - 1
        while at < len(lines):
            for c in lines[at][column:]:
                depth += c == "("
                depth -= c == ")"
            held.add(at)
            if depth <= 0:
                break
            at, column = at + 1, 0
    return held


def unshadow(lines, name):
    """Renames the bare uses of a field that shadowed the primary-constructor parameter of its name (see above)."""
    bare = re.compile(r"(?<![\w.@])" + name + r"\b(?!\s*:(?!:))")
    skip = primary_constructor_lines(lines)
    out = []
    for index, line in enumerate(lines):
        if index in skip or line.lstrip().startswith("//") or FIELD.match(line):
            out.append(line)
        else:
            text = text_positions(line)
            out.append(bare.sub(lambda m: m.group(0) if m.start() in text else "_" + name, line))
    return out


def rename_fields(folder):
    files = sources(folder)
    texts = {path: read(path) for path in files}
    names = set()
    shadowing = {}
    for path, (text, _) in texts.items():
        for line in text.split("\n"):
            if m := FIELD.match(line):
                names.add(m["name"])
                initialiser = line[m.end():]
                if m["tail"].strip() == "=" and re.search(r"(?<![\w.])" + m["name"] + r"\b", initialiser):
                    shadowing.setdefault(path, set()).add(m["name"])
    if not names:
        return
    uses = re.compile(r"\bthis\.(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    for path, (text, bom) in texts.items():
        lines = text.split("\n")
        for name in sorted(shadowing.get(path, ())):
            lines = unshadow(lines, name)
        fixed_lines = []
        for line in lines:
            if m := FIELD.match(line):
                line = m["head"] + "_" + m["name"] + m["tail"] + line[m.end():]
            fixed_lines.append(uses.sub(lambda u: "_" + u.group(1), line))
        fixed = "\n".join(fixed_lines)
        if fixed != text:
            write(path, fixed, bom)
            print(f"fields renamed to _field: {path}")
        for name in sorted(shadowing.get(path, ())):
            print(f"review: {path}: field '{name}' shadowed the primary-constructor parameter '{name}'; its bare uses now say _{name}")


if sys.argv[1] == "--uses":
    fix_uses(sys.argv[2])
else:
    for folder in sys.argv[1:]:
        rename_fields(folder)
