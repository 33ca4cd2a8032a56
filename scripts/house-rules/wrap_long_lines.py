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
import re
import sys

from cs_sources import literals, read, sources, walk_literal, write

COMMENT = re.compile(r"^(?P<prefix>\s*///?\s?)(?P<text>.*)$")


def comment_parts(line: str):
    m = COMMENT.match(line)
    return (m["prefix"], m["text"]) if m else (None, None)


def fitting_space(prefix: str, text: str, width: int):
    """The last space of text that ends the line within width, outside an XML tag (<see cref="..."/>); -1 if none."""
    inside = False
    best = -1
    for i, c in enumerate(text):
        if len(prefix) + i > width:
            break
        if c == "<":
            inside = True
        elif c == ">":
            inside = False
        elif c == " " and not inside and i > 0:
            best = i
    return best


def continues_paragraph(prefix: str, line):
    """Whether line goes on with the same comment's text, so the overflow can join it."""
    if line is None:
        return False
    p, text = comment_parts(line)
    if p != prefix or not text.strip():
        return False
    return not text.lstrip().startswith(("<summary", "<remarks", "<para", "<param", "<returns", "<exception", "<typeparam",
                                         "<example", "<code", "<list", "<item", "- ", "* ", "</"))


def wrap_comment(lines, index: int, width: int):
    """Wraps lines[index] (a comment); the overflow joins the next line when that continues the paragraph."""
    prefix, text = comment_parts(lines[index])
    if prefix is None or "<code>" in text or "http" in text.split(" ")[-1]:
        return None
    cut = fitting_space(prefix, text, width)
    if cut <= 0:
        return None
    head, overflow = (prefix + text[:cut]).rstrip(), text[cut + 1:]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if continues_paragraph(prefix, following):
        lines[index + 1] = prefix + overflow + " " + comment_parts(following)[1].lstrip()
        return [head]
    return [head, prefix + overflow]


def split_points(line: str, start: int, interpolated: bool):
    """Positions of spaces inside the literal's text, outside holes."""
    for j, depth in walk_literal(line, start, interpolated):
        if depth is None:
            return
        if depth == 0 and line[j] == " ":
            yield j


def splittable(line: str, end: int, next_line) -> bool:
    """Whether `"a " + "b"` means what `"a b"` did: nothing after the literal binds tighter than + (a member access, an
    index, a null-conditional), on this line or, when the literal ends it, at the start of the next."""
    after = line[end + 1:].strip()
    if not after and next_line is not None:
        after = next_line.strip()
    return not after.startswith((".", "[", "?.", "?[", "!", "->", "u8"))


def wrap_code(line: str, width: int, next_line=None):
    indent = len(line) - len(line.lstrip())
    out = []
    while len(line) > width:
        best = None
        for start, end, interpolated in literals(line):
            if not splittable(line, end, next_line):
                continue
            for space in split_points(line, start, interpolated):
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
        for path in sources(folder):
            text, bom = read(path)
            lines = text.split("\n")
            result = []
            changed = False
            in_raw = False
            index = 0
            while index < len(lines):
                line, number = lines[index], index + 1
                index += 1
                if line.count('"""') % 2 == 1:
                    in_raw = not in_raw
                if len(line) <= width or in_raw:
                    result.append(line)
                    continue
                if line.lstrip().startswith("//"):
                    wrapped = wrap_comment(lines, index - 1, width)
                    # what is still too long (a long overflow on its own line) is wrapped again
                    if wrapped and len(wrapped) == 2 and len(wrapped[1]) > width:
                        lines.insert(index, wrapped.pop())
                else:
                    wrapped = wrap_code(line, width, lines[index] if index < len(lines) else None)
                if wrapped is None or any(len(w) > width for w in wrapped):
                    left.append(f"{path}:{number}: {len(line)} characters")
                if wrapped is None:
                    result.append(line)
                else:
                    result.extend(wrapped)
                    changed = True
            if changed:
                write(path, "\n".join(result), bom)
    for entry in left:
        print(f"left for a person: {entry}")


main()
