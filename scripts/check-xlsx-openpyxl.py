#!/usr/bin/env python3
"""Cross-checks Kenshu's .xlsx outputs with openpyxl, an independent reader (not run in CI).

For each workbook given with the CSV it mirrors (CSV=XLSX[:SHEET]), checks that openpyxl opens
it, that every cell equals the CSV's (numbers compared as numbers; the CSV's formula-guard
apostrophe removed), that numeric-looking CSV cells are numeric cells, that no cell holds a
formula, that the header row is frozen (pane at A2) and that formula-looking text is marked
quotePrefix. Exit status 1 on any difference.

Usage: pip install openpyxl
       python3 scripts/check-xlsx-openpyxl.py out/items.csv=out/tables.xlsx:items …
"""
import csv
import re
import sys

import openpyxl

NUMBER = re.compile(r"^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$")


def check(csv_path, xlsx_path, sheet):
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        expected = list(csv.reader(f))
    book = openpyxl.load_workbook(xlsx_path)
    ws = book[sheet] if sheet else book.worksheets[0]
    problems = []
    if len(expected) > 1 and ws.freeze_panes != "A2":
        problems.append(f"freeze_panes is {ws.freeze_panes}, not A2")
    for r, row in enumerate(expected, start=1):
        for c, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            value = cell.value
            if text.startswith("'"):
                text = text[1:]
                if not cell.quotePrefix:
                    problems.append(f"{cell.coordinate}: formula-looking text not quotePrefix")
            if cell.data_type == "f":
                problems.append(f"{cell.coordinate}: a formula")
            if text == "":
                if value not in (None, ""):
                    problems.append(f"{cell.coordinate}: {value!r}, expected empty")
            elif NUMBER.match(text) and r > 1:
                if not isinstance(value, (int, float)) or abs(value - float(text)) > 1e-12 * max(1, abs(float(text))):
                    problems.append(f"{cell.coordinate}: {value!r}, expected the number {text}")
            elif str(value) != text:
                problems.append(f"{cell.coordinate}: {value!r}, expected {text!r}")
    if ws.max_row > max(len(expected), 1):
        problems.append(f"{ws.max_row} rows, the CSV has {len(expected)}")
    for p in problems[:20]:
        print(f"{xlsx_path}:{ws.title}: {p}")
    print(f"{xlsx_path}:{ws.title}: {len(expected)} rows, {'OK' if not problems else f'{len(problems)} differences'}")
    return not problems


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ok = True
    for pair in sys.argv[1:]:
        csv_path, target = pair.split("=", 1)
        xlsx_path, _, sheet = target.partition(":")
        ok &= check(csv_path, xlsx_path, sheet or None)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
