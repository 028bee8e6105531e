#!/usr/bin/env python3
"""Builds the project of Benchmarks/evaluation-xlsx-vs-csv.sh from the benchmark responses CSV.

Given the CSV that `kenshu bench evaluation --write-csv FILE` writes (benchmarkSurvey(): a
profession item, 30 Likert items in three measures, 5 single-choice and 5 free-text items), this
writes into FOLDER:

  kenshu.xml, curricula/bench.xml  a minimal project whose survey `bench` matches the CSV columns;
  responses.csv                    the CSV, unchanged;
  responses.xlsx                   the same cells as an Excel workbook in the layout Excel writes:
                                   every text cell a shared string (t="s"), numbers as <v>,
                                   styles.xml, docProps, deflate; the sheet part as Excel 2016 and
                                   later (Microsoft 365) save it: CRLF after the XML declaration,
                                   the root declaring the mc, x14ac, xr, xr2 and xr3 namespaces
                                   with mc:Ignorable and xr:uid, and every row written
                                   <row r="N" spans="1:40" x14ac:dyDescent="0.4">.

Usage: python3 scripts/generate-xlsx-benchmark.py [--no-xlsx] [--plain-rows] RESPONSES.csv FOLDER

--no-xlsx writes the project and responses.csv only (Benchmarks/evaluation-vs-pandas.sh).
--plain-rows writes the sheet without the namespaces and rows without x14ac:dyDescent (as
             openpyxl and other libraries write it; the default before 7 December 2026).
"""
import csv
import os
import shutil
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# What Excel declares on every <worksheet> it saves (mc:Ignorable lists the prefixes a reader
# that does not know them may ignore).
EXCEL_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'mc:Ignorable="x14ac xr xr2 xr3" '
    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
    'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
    'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
    'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" '
    'xr:uid="{00000000-0001-0000-0000-000000000000}"')
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def survey_xml():
    items = ['<item id="prof" type="profession"><text>職種</text></item>']
    for i in range(1, 31):
        level = "1" if i <= 10 else "2a"
        reverse = ' reverse="true"' if i % 10 == 0 else ""
        items.append(f'<item id="l{i}" type="likert" scale="agree5" measure="m{(i - 1) // 10 + 1}" '
                     f'level="{level}"{reverse}><text>評価項目 {i}</text></item>')
    options = "".join(f"<option>{o}</option>" for o in ["はい", "いいえ", "わからない", "該当しない"])
    for i in range(1, 6):
        items.append(f'<item id="c{i}" type="single" level="3"><text>選択項目 {i}</text>{options}</item>')
    for i in range(1, 6):
        items.append(f'<item id="t{i}" type="text"><text>自由記述 {i}</text></item>')
    measures = "".join(f'<measure id="m{i}" title="尺度 {i}"/>' for i in range(1, 4))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<survey xmlns="urn:kenshu:1" xml:lang="ja" id="bench" kind="evaluation">\n'
            f'<title>ベンチマーク</title>\n{measures}\n' + "\n".join(items) + "\n</survey>\n")


SITE = ('<?xml version="1.0" encoding="UTF-8"?>\n<site xmlns="urn:kenshu:1" xml:lang="ja" '
        'title="ベンチマーク" organiser="ベンチマーク"/>\n')


def write_xlsx(rows, path, excel_rows=True):
    strings = {}
    order = []

    def index_of(text):
        found = strings.get(text)
        if found is None:
            found = strings[text] = len(order)
            order.append(text)
        return found

    width = len(rows[0])
    last = column_name(width - 1)
    names = [column_name(i) for i in range(width)]
    if excel_rows:
        declaration_end, namespaces = "\r\n", " " + EXCEL_NAMESPACES
        row_extra, format_extra = ' x14ac:dyDescent="0.4"', ' x14ac:dyDescent="0.4"'
    else:
        declaration_end, namespaces, row_extra, format_extra = "\n", "", "", ""
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{declaration_end}<worksheet '
             f'xmlns="{MAIN}" xmlns:r="{RELS}"{namespaces}><dimension ref="A1:{last}{len(rows)}"/>'
             '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
             f'<sheetFormatPr defaultRowHeight="18.75"{format_extra}/><sheetData>']
    total = 0
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            if value == "":
                continue  # Excel stores no element for an empty cell
            ref = f"{names[column]}{number}"
            if value.isdigit() and number > 1:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{index_of(value)}</v></c>')
            total += 1
        parts.append(f'<row r="{number}" spans="1:{width}"{row_extra}>' + "".join(cells) + "</row>")
    parts.append('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                 'header="0.3" footer="0.3"/></worksheet>')
    shared = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
              f'count="{total}" uniqueCount="{len(order)}">'
              + "".join(f"<si><t>{escape(s)}</t></si>" for s in order) + "</sst>")
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '</Types>')
    root_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
                 f'<Relationship Id="rId3" Type="{RELS}/extended-properties" Target="docProps/app.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
                f'xmlns:r="{RELS}"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView '
                'xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
                '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>')
    workbook_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
                     f'<Relationship Id="rId3" Type="{RELS}/styles" Target="styles.xml"/>'
                     f'<Relationship Id="rId4" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
                     f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
                     '</Relationships>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
              '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="2"/><charset val="128"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>bench</dc:creator></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
           'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Excel</Application></Properties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("docProps/app.xml", app)
        z.writestr("docProps/core.xml", core)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", "".join(parts))


def main():
    args = sys.argv[1:]
    xlsx = "--no-xlsx" not in args
    excel_rows = "--plain-rows" not in args
    args = [a for a in args if a not in ("--no-xlsx", "--plain-rows")]
    if len(args) != 2:
        sys.exit(__doc__)
    source, folder = args
    os.makedirs(os.path.join(folder, "curricula"), exist_ok=True)
    with open(os.path.join(folder, "kenshu.xml"), "w", encoding="utf-8") as f:
        f.write(SITE)
    with open(os.path.join(folder, "curricula", "bench.xml"), "w", encoding="utf-8") as f:
        f.write(survey_xml())
    shutil.copyfile(source, os.path.join(folder, "responses.csv"))
    if not xlsx:
        return
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    write_xlsx(rows, os.path.join(folder, "responses.xlsx"), excel_rows)


if __name__ == "__main__":
    main()
