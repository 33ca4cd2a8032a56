#!/usr/bin/env python3
"""Repairs what CA2007's code fix does to `await using`: it appends .ConfigureAwait(false) to the resource, which then
has the type ConfiguredAsyncDisposable instead of the stream or writer the code goes on to use. The resource gets its
own variable again, and the ConfigureAwait moves to what `await using` disposes:

    await using var stream = File.OpenRead(path).ConfigureAwait(false);
 -> var stream = File.OpenRead(path);
    await using var streamDisposal = stream.ConfigureAwait(false);

    await using (var writer = new TarWriter(archive).ConfigureAwait(false))
 -> var writer = new TarWriter(archive);
    await using (writer.ConfigureAwait(false))

Stacked headers get their declarations above the stack, so a resource is now created before the one above it is
opened; if creating it fails, the earlier one is left to the finalizer. Review those few places in the diff.

Usage: await_using.py FOLDER...  (rewrites *.cs files below each folder in place, prints what it changed)
"""
import re
import sys

from cs_sources import rewrite_each

DECLARATION = re.compile(r"^(?P<indent>\s*)await using (?P<type>[\w<>?,.\[\] ]+?) (?P<name>\w+) = (?P<value>.+)\.ConfigureAwait\(false\);\s*$")
HEADER = re.compile(r"^\s*(?:await\s+)?using\s*\(.*\)\s*$")
STATEMENT = re.compile(r"^(?P<indent>\s*)await using \((?P<type>[\w<>?,.\[\] ]+?) (?P<name>\w+) = (?P<value>.+)\.ConfigureAwait\(false\)\)(?P<rest>.*)$")


def unwrap(value: str) -> str:
    """`(await x.ConfigureAwait(false))` -> `await x.ConfigureAwait(false)`: the parentheses were only for the fix."""
    if value.startswith("(") and value.endswith(")"):
        depth = 0
        for i, c in enumerate(value):
            depth += c == "("
            depth -= c == ")"
            if depth == 0 and i < len(value) - 1:
                return value
        return value[1:-1]
    return value


def rewrite(text: str) -> str:
    lines = text.split("\n")
    out = []
    for line in lines:
        if m := DECLARATION.match(line):
            out.append(f"{m['indent']}{m['type']} {m['name']} = {unwrap(m['value'])};")
            out.append(f"{m['indent']}await using var {m['name']}Disposal = {m['name']}.ConfigureAwait(false);")
        elif m := STATEMENT.match(line):
            # Stacked headers (`await using (a) await using (b) body`) take no statement between them: the declaration
            # goes above the first header of the stack.
            at = len(out)
            while at > 0 and HEADER.match(out[at - 1]):
                at -= 1
            out.insert(at, f"{m['indent']}{m['type']} {m['name']} = {unwrap(m['value'])};")
            out.append(f"{m['indent']}await using ({m['name']}.ConfigureAwait(false)){m['rest']}")
        else:
            out.append(line)
    return "\n".join(out)


rewrite_each(sys.argv[1:], rewrite, "await using repaired")
