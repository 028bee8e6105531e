#!/usr/bin/env python3
"""Writes a small Kenshu project whose validation produces very many diagnostics, to time how
diagnostics are collected, located, de-duplicated and sorted (issue 11).

Usage: generate-diagnostic-heavy.py warnings|errors|attributes|oneline|spread N DIR

- warnings: one programme whose group-work case is a content file holding N phone numbers on
  ONE line (each one a `possible-personal-data` warning), the worst case for locating offsets.
- errors: one programme with N unknown elements (`<sesion/>` typos inside a course, one per
  line), each one a RELAX NG error located by libxml2 and then by Kenshu's source locator.
- attributes: one programme whose course carries N unknown attributes on one start tag.
- oneline: N unknown elements as in `errors`, all on one line.
- spread: N sessions, one per line, each with one unknown attribute.
"""
import os
import sys

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<programme xmlns="urn:kenshu:1" id="heavy">\n  <title>診断の多い研修</title>\n'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def warnings(n, root):
    phones = " ".join(f"03-{1000 + i % 9000}-{1000 + (i * 7) % 9000}" for i in range(n))
    write(os.path.join(root, "content", "cases", "long.md"), "連絡先：" + phones + "\n")
    write(
        os.path.join(root, "curricula", "heavy.xml"),
        HEAD
        + '''  <course id="day1" start="10:00">
    <title>1日目</title>
    <session id="gw" kind="groupwork" duration="PT60M">
      <title>事例検討</title>
      <groups size="6"/>
      <case id="c1" title="長い事例" src="cases/long.md"/>
    </session>
  </course>
</programme>
''',
    )


def errors(n, root, separator="\n    "):
    lines = "    " + separator.join("<sesion/>" for _ in range(n)) + "\n"
    write(
        os.path.join(root, "curricula", "heavy.xml"),
        HEAD
        + '  <course id="day1" start="10:00">\n    <title>1日目</title>\n'
        + '    <session id="s" kind="lecture" duration="PT30M"><title>講義</title></session>\n'
        + lines
        + "  </course>\n</programme>\n",
    )


def attributes(n, root):
    attrs = " ".join(f'x{i}="1"' for i in range(n))
    write(
        os.path.join(root, "curricula", "heavy.xml"),
        HEAD
        + f'  <course id="day1" start="10:00" {attrs}>\n    <title>1日目</title>\n'
        + '    <session id="s" kind="lecture" duration="PT30M"><title>講義</title></session>\n'
        + "  </course>\n</programme>\n",
    )


def oneline(n, root):
    errors(n, root, separator="")


def spread(n, root):
    sessions = "".join(
        f'    <session id="s{i}" kind="lecture" duration="PT1M" strat="1"><title>講義</title></session>\n'
        for i in range(n))
    write(
        os.path.join(root, "curricula", "heavy.xml"),
        HEAD + '  <course id="day1" start="00:00">\n    <title>1日目</title>\n' + sessions + "  </course>\n</programme>\n",
    )


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("warnings", "errors", "attributes", "oneline", "spread"):
        sys.exit(__doc__)
    kind, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    write(os.path.join(root, "kenshu.xml"), '<?xml version="1.0" encoding="UTF-8"?>\n<site xmlns="urn:kenshu:1" title="heavy"/>\n')
    {"warnings": warnings, "errors": errors, "attributes": attributes, "oneline": oneline, "spread": spread}[kind](n, root)


if __name__ == "__main__":
    main()
