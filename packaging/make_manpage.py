#!/usr/bin/env python3
"""Writes poolscope.1.gz (gzip -9n) from poolscope.1.in and the program's own help texts, so the man page
lists exactly the options and commands the program has: SYNOPSIS from `poolscope --help`'s usage lines,
OPTIONS from its window options, COMMANDS from each command's --help. The date is the metainfo's release
date of the version the program reports.

Usage: make_manpage.py POOLSCOPE TEMPLATE METAINFO OUT.gz

The help texts are plain text laid out for a terminal; they become roff like this:
  "  TERM   description" (two spaces or more around TERM) with its continuation lines  ->  .TP entries
  unindented lines, and indented lines continuing them                               ->  filled paragraphs
  indented lines after a line ending in ":" (examples, formulas), or after an entry   ->  an example block
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_changelog import release_date, write_gzip  # noqa: E402  (one reading of the metainfo)

OPTION = re.compile(r"(?<![\w\\-])(--?[A-Za-z][\w-]*)")
ENTRY = re.compile(r"^( {2,})(\S(?:.*?\S)?) {2,}(\S.*)$")
LABEL = re.compile(r'^"?\w+"?( \([^)]*\))?: ')  # ops: ..., "convention": ..., keys (...): ...


def escape(text):
    """Plain text as roff: backslashes, non-ASCII as \\[uXXXX], a leading . or ' made literal."""
    out = text.replace("\\", "\\e")
    out = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in out)
    return "\\&" + out if out.startswith((".", "'")) else out


def minus(text):
    return text.replace("-", "\\-")


def prose(text):
    """Escaped running text with options in bold (their hyphens as minus signs, as they are typed)."""
    return OPTION.sub(lambda m: f"\\fB{minus(m.group(1))}\\fR", escape(text))


def code(text):
    return minus(escape(text))


def synopsis_words(text):
    """Options bold, placeholders (FILE, N, JSON|@FILE, en|zh, options) italic, the rest as typed."""
    def word(w):
        lead, core, trail = re.match(r"^([\[(|]*)(.*?)([\])|,]*)$", w).groups()
        if core.count("[") > core.count("]") and trail.startswith("]"):
            core, trail = core + "]", trail[1:]  # H[,W]: the optional part belongs to the placeholder
        if core.startswith("-"):
            core = f"\\fB{code(core)}\\fR"
        elif core[:1].isupper() or "|" in core or core == "options":
            core = f"\\fI{code(core)}\\fR"
        else:
            core = code(core)
        return code(lead) + core + code(trail)
    return " ".join(word(w) for w in text.split())


def run(program, *args):
    env = dict(os.environ, LC_ALL="C", LANG="C")
    done = subprocess.run([program, *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"make_manpage: '{' '.join([program, *args])}' failed: {done.stderr}")
    return done.stdout


def split_usage(text):
    """The leading "usage:" block (lines until the first blank line or body line) and the rest."""
    lines = text.rstrip("\n").split("\n")
    usage = []
    while lines and (lines[0].startswith("usage: ") or (usage and lines[0].startswith("       ") and lines[0].strip())):
        usage.append(lines.pop(0))
    while lines and not lines[0].strip():
        lines.pop(0)
    return usage, lines


def usage_commands(usage):
    """[(command line, description)] from `poolscope --help`: a description starts at the column of the
    first line's, after a space; a command too long for its column has its description on the next line."""
    first = usage[0]
    column = re.search(r"\S\s{2,}(\S)", first).start(1)
    commands = []
    for line in usage:
        line = line.replace("usage: ", "       ", 1)
        splits = len(line) > column and line[column - 1] == " " and line[column] != " "
        command = (line[:column] if splits else line).strip()
        description = line[column:].strip() if splits else ""
        if command:
            commands.append([command, description])
        elif commands:
            commands[-1][1] = (commands[-1][1] + " " + description).strip()
    for command, _ in commands:
        if not command.startswith("poolscope"):
            sys.exit(f"make_manpage: cannot read the usage line '{command}'")
    return commands


def sub_usage(usage):
    """A command's own usage lines, continuation lines joined to the line they continue."""
    joined = []
    for line in usage:
        if line.startswith("usage: ") or line.startswith("       poolscope"):
            joined.append(line.replace("usage: ", "", 1).strip())
        else:
            joined[-1] += " " + line.strip()
    return joined


def entry_parts(line, indent, entry_indent, entry_column):
    """(term, description) when the line is a list entry: TERM, two spaces, text; or, below an entry, a
    line with the same indent whose text starts at the same column after a single space."""
    entry = ENTRY.match(line)
    if entry and indent >= 2:
        return entry.group(2), entry.group(3)
    if entry_column and indent == entry_indent and len(line) > entry_column and \
            line[entry_column - 1] == " " and line[entry_column] != " ":
        return line[:entry_column].strip(), line[entry_column:].strip()
    return None


def body(lines):
    """Roff for the text of a help screen after its usage lines (see the module's docstring)."""
    out = []
    mode = "start"     # start | text | text: (a text line ended in ':') | entry | block
    entry_indent = entry_column = 0  # the last entry's term indent and description column

    def close_block():
        if mode == "block":
            out.extend([".EE", ".RE"])

    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.strip()
        entry = entry_parts(line, indent, entry_indent, entry_column)
        if not stripped:
            close_block()
            out.append(".PP")
            mode = "start"
            entry_indent = entry_column = 0
        elif mode == "entry" and indent >= entry_column:
            if stripped[0] in "'{[":
                out.extend([".br", code(stripped), ".br"])  # an example value: on its own line
            else:
                out.append(prose(stripped))
        elif entry:
            close_block()
            entry_indent = indent
            entry_column = line.index(entry[1], indent + len(entry[0]))
            out.extend([".TP", synopsis_words(entry[0]), prose(entry[1])])
            mode = "entry"
        elif indent == 0 or mode in ("text", "start"):
            close_block()
            if mode == "text" and LABEL.match(stripped):
                out.append(".br")  # "keys: ..." after "ops: ...": a new item, not the same sentence
            out.append(prose(stripped))
            mode = "text:" if stripped.endswith(":") else "text"
        else:  # after "...:" or after an entry: an example or formula, kept as laid out
            if mode != "block":
                out.extend([".RS", ".EX"])
            out.append(code(line[2:] if line.startswith("  ") else line))
            mode = "block"
    close_block()
    while out and out[-1] == ".PP":
        out.pop()
    return out


def synopsis_lines(commands):
    out = []
    for command, _ in commands:
        words = command.split(" ", 2)
        name = "poolscope" if len(words) < 2 or words[1].startswith(("-", "[")) else " ".join(words[:2])
        rest = command[len(name):].strip()
        if out:
            out.append(".br")
        out.append(f"\\fB{name}\\fR {synopsis_words(rest)}".rstrip())
    return out


def commands_section(program, commands):
    out = []
    for command, description in commands:
        words = command.split()
        if len(words) < 2 or words[1].startswith(("-", "[")):
            continue  # the window (DESCRIPTION, OPTIONS) and --version
        name = words[1]
        usage, rest = split_usage(run(program, name, "--help"))
        out.append(f'.SS "poolscope {name}"')
        if description:
            out.extend([prose(description[0].upper() + description[1:] + "."), ".PP"])
        for line in sub_usage(usage):
            rest_of_line = line[len(f"poolscope {name}"):] if line.startswith(f"poolscope {name}") else line
            out.extend([f"\\fBpoolscope {name}\\fR {synopsis_words(rest_of_line)}".rstrip(), ".br"])
        if out[-1] == ".br":
            out[-1] = ".PP"
        out.extend(body(rest))
    return out


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    program, template, metainfo, target = sys.argv[1:]
    version = run(program, "--version").split()[-1]
    usage, rest = split_usage(run(program, "--help"))
    commands = usage_commands(usage)
    options = []
    if rest and rest[0].startswith("Window options"):
        options = body(rest[1:])
    page = open(template, encoding="utf-8").read()
    fills = {
        "@VERSION@": version,
        "@DATE@": release_date(metainfo, version).isoformat(),
        "@SYNOPSIS@": "\n".join(synopsis_lines(commands)),
        "@OPTIONS@": "\n".join(options),
        "@COMMANDS@": "\n".join(commands_section(program, commands)),
    }
    for key, value in fills.items():
        if key not in page:
            sys.exit(f"make_manpage: {template} has no {key}")
        page = page.replace(key, value)
    write_gzip(target, page)


if __name__ == "__main__":
    main()
