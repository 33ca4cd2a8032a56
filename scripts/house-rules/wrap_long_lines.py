#!/usr/bin/env python3
"""Wraps what Roslynator's RCS0056 fix leaves over the line width: comment lines, and lines whose excess lies in a
string literal. It runs after `dotnet format analyzers --diagnostics RCS0056`, which wraps argument lists, binary
expressions and the like but not text.

- A `//` or `///` comment is wrapped at the last space that fits; the rest continues under the same prefix.
- A regular or interpolated string literal ("..." or $"...", not verbatim or raw) is split at the last space that
  fits outside an interpolation hole: `"first part " +` ends the line, the rest continues four spaces deeper.
Lines it cannot wrap that way (a long identifier chain, a raw string) are left for a person, and listed.

Usage: wrap_long_lines.py WIDTH FOLDER...  (rewrites *.cs below each folder in place)
"""
import pathlib
import re
import sys

COMMENT = re.compile(r"^(?P<prefix>\s*///?\s?)(?P<text>.*)$")


def wrap_comment(line: str, width: int):
    m = COMMENT.match(line)
    if not m or line.lstrip().startswith("///") and "<code>" in line:
        return None
    prefix, text = m["prefix"], m["text"]
    out = []
    while len(prefix) + len(text) > width:
        cut = text.rfind(" ", 0, width - len(prefix) + 1)
        if cut <= 0:
            return None
        out.append((prefix + text[:cut]).rstrip())
        text = text[cut + 1:]
    out.append(prefix + text)
    return out


def literals(line: str):
    """(start, end, interpolated) of each regular or interpolated string literal on the line; end is the closing quote."""
    i = 0
    while i < len(line):
        c = line[i]
        if line.startswith("//", i):
            return
        if c == "'":
            # a char literal: '"' must not start a string
            j = i + 1
            if j < len(line) and line[j] == "\\":
                j += 1
            i = j + 2
            continue
        if c == '"' or (c == "$" and line.startswith('$"', i)):
            interpolated = c == "$"
            start = i
            if line.startswith('"""', i) or line.startswith('$"""', i) or (i > 0 and line[i - 1] == "@") or line.startswith('$@', i):
                return  # raw or verbatim: not ours to split
            j = i + (2 if interpolated else 1)
            depth = 0
            while j < len(line):
                d = line[j]
                if d == "\\" and depth == 0:
                    j += 2
                    continue
                if interpolated and d == "{":
                    if depth == 0 and line.startswith("{{", j):
                        j += 2
                        continue
                    depth += 1
                elif interpolated and d == "}":
                    if depth == 0 and line.startswith("}}", j):
                        j += 2
                        continue
                    depth -= 1
                elif d == '"' and depth == 0:
                    break
                elif d == '"' and depth > 0:
                    # a string inside a hole: skip it
                    k = j + 1
                    while k < len(line) and line[k] != '"':
                        k += 2 if line[k] == "\\" else 1
                    j = k
                j += 1
            if j >= len(line):
                return
            yield start, j, interpolated
            i = j + 1
            continue
        i += 1


def split_points(line: str, start: int, end: int, interpolated: bool):
    """Positions of spaces inside the literal's text, outside holes."""
    j = start + (2 if interpolated else 1)
    depth = 0
    while j < end:
        d = line[j]
        if d == "\\" and depth == 0:
            j += 2
            continue
        if interpolated and d == "{":
            if depth == 0 and line.startswith("{{", j):
                j += 2
                continue
            depth += 1
        elif interpolated and d == "}":
            if depth == 0 and line.startswith("}}", j):
                j += 2
                continue
            depth -= 1
        elif d == " " and depth == 0:
            yield j
        j += 1


def wrap_code(line: str, width: int):
    indent = len(line) - len(line.lstrip())
    out = []
    while len(line) > width:
        best = None
        for start, end, interpolated in literals(line):
            for space in split_points(line, start, end, interpolated):
                # "text " + ends the first line: the space stays with the first part
                if space + 1 + len('" +') <= width and space > start + 2:
                    best = (start, end, interpolated, space)
        if best is None:
            return out + [line] if out else None
        start, end, interpolated, space = best
        first = line[:space + 1] + '" +'
        rest_text = line[space + 1:end]
        marker = "$" if interpolated and ("{" in rest_text or "}" in rest_text) else ""
        head_text = line[start:space + 1]
        if interpolated and "{" not in head_text[2:] and "}" not in head_text[2:]:
            first = line[:start] + head_text[1:] + '" +'  # no hole left in the first part: a plain literal
        continuation = " " * (indent + 4) + marker + '"' + line[space + 1:]
        out.append(first)
        line = continuation
        indent = indent + 4 if not out[:-1] else indent
    out.append(line)
    return out


def main():
    width = int(sys.argv[1])
    left = []
    for folder in sys.argv[2:]:
        for path in sorted(pathlib.Path(folder).rglob("*.cs")):
            if "/obj/" in str(path) or "/bin/" in str(path):
                continue
            raw = path.read_bytes()
            bom = raw.startswith(b"\xef\xbb\xbf")
            text = raw.decode("utf-8-sig")
            lines = text.split("\n")
            result = []
            changed = False
            in_raw = False
            for number, line in enumerate(lines, 1):
                if line.count('"""') % 2 == 1:
                    in_raw = not in_raw
                if len(line) <= width or in_raw:
                    result.append(line)
                    continue
                wrapped = wrap_comment(line, width) if line.lstrip().startswith("//") else wrap_code(line, width)
                if wrapped is None or any(len(w) > width for w in wrapped):
                    left.append(f"{path}:{number}: {len(line)} characters")
                if wrapped is None:
                    result.append(line)
                else:
                    result.extend(wrapped)
                    changed = True
            if changed:
                path.write_text("\n".join(result), encoding="utf-8-sig" if bom else "utf-8")
    for entry in left:
        print(f"left for a person: {entry}")


main()
