#!/usr/bin/python3
"""Fails when panel or widget code passes English text to ImGui instead of a tr() key.

Scans C++ files for calls ImGui::Name(...) and draw_list->AddText(...), takes every string literal among
their arguments, drops what ImGui never shows (everything from "##" on, printf conversions such as %s or
%.2f) and reports a literal whose visible rest still holds a word (two letters in a row). Widget IDs
("##start"), arrows ("|<##start") and pure formats ("%s: %s", "%d x %d") pass. Usage:
  check_ui_literals.py FILE_OR_DIR...   exit 1 listing file:line and the literal on any finding
  check_ui_literals.py --self-test      checks the detector itself on known good and bad lines
"""
import os
import re
import sys

# Words that are not translated: the product name, key caps (printed on the keyboard), Python literals.
ALLOWED_WORDS = {"PoolScope", "Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "True", "False", "None"}
# Code the student types, shown verbatim: PyTorch class names such as nn.MaxPool2d.
# Code the student types, shown verbatim: PyTorch class names (nn.MaxPool2d), argument names (ceil_mode).
CODE_NAME = re.compile(r"\bnn\.[A-Za-z0-9_]+|\b[A-Za-z0-9]+_[A-Za-z0-9_]+")
# Literals anywhere inside tr(...) or a tr-formatting helper are keys, not text.
TRANSLATORS = {"tr", "fmt", "tr_fmt", "trf"}
NAME_BEFORE_PAREN = re.compile(r"(\w+)\s*$")


def inside_translator(args, pos):
    """True when args[pos] sits inside the parentheses of a tr()-like call (strings skipped)."""
    stack, i, in_string = [], 0, False
    while i < pos:
        ch = args[i]
        if in_string:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "(":
            m = NAME_BEFORE_PAREN.search(args[:i])
            stack.append(m.group(1) if m else "")
        elif ch == ")" and stack:
            stack.pop()
        i += 1
    return any(name in TRANSLATORS for name in stack)

CALL = re.compile(r"(?:ImGui::|->)(\w+)\s*\(")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
CONVERSION = re.compile(r"%[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]")
WORD = re.compile(r"[A-Za-z]{2,}")


def call_arguments(text, open_paren):
    """The text between the call's parentheses (string-aware), and its end offset."""
    depth, i, in_string = 0, open_paren, False
    while i < len(text):
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return text[open_paren + 1:i], i
        i += 1
    return text[open_paren + 1:], len(text)


def visible_text(literal):
    shown = literal.split("##", 1)[0]
    return CODE_NAME.sub("", CONVERSION.sub("", shown))


def offending(literal):
    words = [w for w in WORD.findall(visible_text(literal)) if w not in ALLOWED_WORDS]
    return bool(words)


def strip_comments(text):
    """Blanks // and /* */ comments (keeping line numbers), leaving strings alone."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(c if c == "\n" else " " for c in text[i:j]))
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def scan_text(text, name="<text>"):
    text = strip_comments(text)
    findings = []
    for call in CALL.finditer(text):
        if call.group(1) in ("PushID", "GetID", "BeginChild", "BeginTable", "TableSetupColumn", "OpenPopup",
                             "BeginPopup", "IsPopupOpen", "InvisibleButton"):
            continue  # their strings are IDs, never shown
        args, _ = call_arguments(text, call.end() - 1)
        for lit in LITERAL.finditer(args):
            if inside_translator(args, lit.start()):
                continue
            if offending(lit.group(1)):
                line = text.count("\n", 0, call.start()) + 1
                findings.append(f"{name}:{line}: ImGui::{call.group(1)} shows the literal \"{lit.group(1)}\" "
                                "(put it in app/i18n/strings_*.cpp and use tr())")
    return findings


def scan_paths(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".cpp"))
        else:
            files.append(p)
    findings = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            findings += scan_text(fh.read(), f)
    return files, findings


def self_test():
    bad = [
        'ImGui::Text("Kernel size");',
        'ImGui::Button("Play##play");',
        'ImGui::MenuItem("Undo", "Ctrl+Z");',
        'ImGui::TextColored(ImVec4(1, 0, 0, 1), "Error: %s", msg);',
        'ImGui::SetTooltip("%d cells are padding", n);',
        'draw->AddText(pos, col, "max");',
        'ImGui::Checkbox(\n    "ceil mode", &v);',
        'ImGui::Text("%s", ok ? tr("a.ok") : "failed");',
        'ImGui::Text("%s", "Kernel size");',
    ]
    good = [
        'ImGui::Text("%s", tr("params.kernel"));',
        'ImGui::Button("|<##start", ImVec2(10, 0));',
        'ImGui::TextUnformatted(tr("help.keys"));',
        'ImGui::Text("%s: %s", a, b);',
        'ImGui::Text("%d x %d", h, w);',
        'ImGui::Begin("PoolScope###main", nullptr, flags);',
        'ImGui::PushID("matrix_input");',
        'ImGui::Text("%.2f", v);  // "a comment with words"',
        '/* ImGui::Text("commented out"); */',
        'ImGui::SliderFloat("##speed", &s, 0.5f, 4.0f, "%.1fx");',
        'ImGui::MenuItem(tr("menu.undo"), "Ctrl+Shift+Z");',
        'ImGui::TextDisabled("%s", max ? "nn.MaxPool2d" : "nn.AvgPool2d");',
        'ImGui::Text(fmt("step.header_fmt", 3), x);',
        'ImGui::Text("ceil_mode=%s", ok ? "True" : "False");',
        'ImGui::TextColored(c, "%s", tr(quit ? "lesson.quit" : "lesson.open"));',
    ]
    failures = [line for line in bad if not scan_text(line)] + [line for line in good if scan_text(line)]
    for line in failures:
        print("self-test: detector is wrong on:", line)
    return 1 if failures else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    files, findings = scan_paths(sys.argv[1:])
    if not files:
        print("no C++ files found in", sys.argv[1:])
        return 1
    for f in findings:
        print(f)
    print(f"{len(files)} files scanned, {len(findings)} literal UI strings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
