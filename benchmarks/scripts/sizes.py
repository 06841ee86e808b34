#!/usr/bin/env python3
"""The largest classes and the longest methods of the main code (issue #14's size list).

    benchmarks/scripts/sizes.py [ROOT] [--top 15]

ROOT is a checkout of Marginfall (default: this one); only ROOT/*/src/main/java is read, so tests,
examples and generated code are left out. To measure another commit without touching the working
tree, unpack it first: `git archive COMMIT | tar -x -C /tmp/at-commit`, then pass /tmp/at-commit.

A class is a top-level type, one per .java file; its size is the file's lines (all of them) and,
beside it, its code lines (neither blank nor only comment). A method is a method, constructor,
compact constructor or initializer block with a body, in a type at any depth (lambdas and anonymous
classes count toward the method they are in); its length is the lines from the first line of its
declaration after any annotations to its closing brace, both included. Comments, strings, character
literals and text blocks are blanked before the braces are matched, so braces inside them do not
count.
"""
import argparse
import pathlib
import re

TYPE_WORD = re.compile(r"\b(class|interface|enum|record)\b")
CONTROL = re.compile(r"^(if|for|while|switch|try|catch|finally|do|else|synchronized|return|throw)\b")


def blank(text):
    """The source with comments and literals replaced by spaces, line breaks kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append('"' + re.sub(r"[^\n]", " ", text[i + 1 : j - 1]) + '"')
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def header_start(code, start, end):
    """Index of the declaration's first character after leading annotations and whitespace."""
    i = start
    while True:
        while i < end and code[i].isspace():
            i += 1
        if i < end and code[i] == "@":
            m = re.match(r"@[\w.]+", code[i:end])
            i += m.end()
            while i < end and code[i].isspace():
                i += 1
            if i < end and code[i] == "(":
                depth = 0
                while i < end:
                    depth += code[i] == "("
                    depth -= code[i] == ")"
                    i += 1
                    if depth == 0:
                        break
            continue
        return i


def members(code):
    """Yields (kind, name, first line, last line) of every type and method body in `code`."""
    stack = []  # (kind, name, line of the header, index after the last member boundary)
    boundary = 0
    for i, c in enumerate(code):
        if c in ";":
            boundary = i + 1
        elif c == "{":
            start = header_start(code, boundary, i)
            head = " ".join(code[start:i].split())
            line = code.count("\n", 0, start) + 1
            parent = stack[-1][0] if stack else None
            m = TYPE_WORD.search(head.split("(")[0]) if head else None
            if m and "=" not in head.split("(")[0] and "new " not in head:
                name = head[m.end() :].split()[0].split("<")[0].split("(")[0]
                stack.append(("type", name, line))
            elif parent == "type" and not CONTROL.match(head) and "=" not in head:
                if "(" in head:
                    name = head.split("(")[0].split()[-1]
                elif head in ("", "static"):
                    name = "<init>" if head == "" else "<clinit>"
                else:
                    name = head.split()[-1]  # a record's compact constructor
                stack.append(("method", name, line))
            else:
                stack.append(("block", "", line))
            boundary = i + 1
        elif c == "}":
            if stack:
                kind, name, line = stack.pop()
                last = code.count("\n", 0, i) + 1
                if kind != "block":
                    yield kind, name, line, last, [s[1] for s in stack if s[0] == "type"]
            boundary = i + 1


def measure(root):
    classes, methods = [], []
    for path in sorted(root.glob("*/src/main/java/**/*.java")):
        text = path.read_text(encoding="utf-8")
        code = blank(text)
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        code_lines = sum(1 for ln in code.split("\n") if ln.strip())
        rel = path.relative_to(root)
        module = rel.parts[0]
        top = path.stem
        classes.append((lines, code_lines, f"{module}: {top}"))
        for kind, name, first, last, outer in members(code):
            if kind == "method":
                owner = ".".join(outer) if outer else top
                methods.append((last - first + 1, f"{module}: {owner}.{name}", f"{rel}:{first}"))
    return classes, methods


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("root", nargs="?", default=pathlib.Path(__file__).resolve().parents[2])
    p.add_argument("--top", type=int, default=15)
    a = p.parse_args()
    root = pathlib.Path(a.root)
    classes, methods = measure(root)
    if not classes:
        raise SystemExit(f"no */src/main/java/**/*.java under {root}")
    classes.sort(key=lambda c: (-c[0], c[2]))
    methods.sort(key=lambda m: (-m[0], m[1]))
    print(f"{len(classes)} classes, {len(methods)} methods under {root}")
    print(f"\nLargest {a.top} classes (lines, code lines):")
    for lines, code_lines, name in classes[: a.top]:
        print(f"  {lines:5d} {code_lines:5d}  {name}")
    print(f"\nLongest {a.top} methods (lines):")
    for length, name, where in methods[: a.top]:
        print(f"  {length:5d}  {name}  ({where})")


if __name__ == "__main__":
    main()
