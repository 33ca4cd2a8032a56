"""The C# files the house-rules scripts rewrite, read and written back as they were found (byte-order mark kept), and
the string literals on a line of them."""
import pathlib


def sources(folder):
    """The *.cs files below folder, in order, without build output (obj/, bin/)."""
    return [p for p in sorted(pathlib.Path(folder).rglob("*.cs")) if "/obj/" not in str(p) and "/bin/" not in str(p)]


def read(path):
    """(text, bom) of a file: its text without a UTF-8 byte-order mark, and whether it had one."""
    raw = pathlib.Path(path).read_bytes()
    return raw.decode("utf-8-sig"), raw.startswith(b"\xef\xbb\xbf")


def write(path, text, bom):
    pathlib.Path(path).write_text(text, encoding="utf-8-sig" if bom else "utf-8")


def rewrite_each(folders, fix, said):
    """Applies fix (text -> text) to every C# file below folders; writes and reports (`said: path`) the ones it changed."""
    for folder in folders:
        for path in sources(folder):
            text, bom = read(path)
            fixed = fix(text)
            if fixed != text:
                write(path, fixed, bom)
                print(f"{said}: {path}")


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
            end = next((j for j, depth in walk_literal(line, start, interpolated) if depth is None), None)
            if end is None:
                return
            yield start, end, interpolated
            i = end + 1
            continue
        i += 1


def walk_literal(line: str, start: int, interpolated: bool):
    """Walks the literal opening at start: (index, hole depth) of each character of its text and holes (escapes and
    doubled braces passed over, a string inside a hole skipped whole), then (index, None) at the closing quote. Stops
    without the closing pair when the line ends first."""
    j = start + (2 if interpolated else 1)
    depth = 0
    while j < len(line):
        d = line[j]
        if d == "\\" and depth == 0:
            j += 2
            continue
        if interpolated and d in "{}" and depth == 0 and line.startswith(d * 2, j):
            j += 2
            continue
        if interpolated and d == "{":
            depth += 1
        elif interpolated and d == "}":
            depth -= 1
        elif d == '"' and depth == 0:
            yield j, None
            return
        elif d == '"':
            k = j + 1
            while k < len(line) and line[k] != '"':
                k += 2 if line[k] == "\\" else 1
            j = k + 1
            continue
        yield j, depth
        j += 1


def text_positions(line: str):
    """The positions on the line that are the text of a regular or interpolated string literal (not its holes)."""
    held = set()
    for start, end, interpolated in literals(line):
        held.update(range(start, end + 1))
        held.difference_update(j for j, depth in walk_literal(line, start, interpolated) if depth)
    return held
