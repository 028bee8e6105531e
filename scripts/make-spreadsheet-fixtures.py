#!/usr/bin/env python3
"""Writes the small .xlsx/.ods/.xls fixtures of Tests/KenshuTabularTests/Fixtures/spreadsheets.

The parts are written by hand, in the layout Excel, Google Sheets and LibreOffice use, and
zipped with zipfile, so the fixtures need nothing beyond Python and show exactly which XML
feature each test exercises. Run from the repository root:

    python3 scripts/make-spreadsheet-fixtures.py
"""
import os
import struct
import zipfile

OUT = "Tests/KenshuTabularTests/Fixtures/spreadsheets"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""


def workbook(sheets, date1904=False):
    """sheets: list of (name, state or None)."""
    entries = "".join(
        '<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (name, i + 1, ' state="%s"' % state if state else "", i + 1)
        for i, (name, state) in enumerate(sheets))
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="124226"/>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
            f'xmlns:r="{RELS}">{pr}<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets>{entries}</sheets></workbook>')


def workbook_rels(count, absolute=False):
    prefix = "/xl/" if absolute else ""
    items = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{RELS}/worksheet" Target="{prefix}worksheets/sheet{i + 1}.xml"/>'
        for i in range(count))
    items += f'<Relationship Id="rId{count + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    items += f'<Relationship Id="rId{count + 2}" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>')


# Style 0 General, 1 built-in date (14), 2 custom date-time, 3 custom "0.00" (not a date),
# 4 a quoted "d" (not a date), 5 time (built-in 20), 6 Japanese era-style custom date.
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="4">
<numFmt numFmtId="164" formatCode="yyyy/m/d\\ h:mm"/>
<numFmt numFmtId="165" formatCode="0.00"/>
<numFmt numFmtId="166" formatCode="&quot;day &quot;0"/>
<numFmt numFmtId="167" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
</numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="20"/><xf numFmtId="167"/></cellXfs>
</styleSheet>"""


def shared(strings):
    items = "".join(s if s.startswith("<si>") else f"<si><t xml:space=\"preserve\">{s}</t></si>" for s in strings)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')


def sheet(rows, merges=(), extra=""):
    """rows: list of (row number, [cell xml...])."""
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in rows)
    merge = ""
    if merges:
        merge = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
            f'xmlns:r="{RELS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            f'<sheetData>{body}</sheetData>{merge}{extra}</worksheet>')


def s(ref, index):
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def n(ref, value, style=0):
    return '<c r="%s"%s><v>%s</v></c>' % (ref, ' s="%d"' % style if style else "", value)


def write_xlsx(path, sheets, strings, date1904=False, absolute=False, omit=()):
    """sheets: list of (name, state, sheet xml)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        parts = {
            "[Content_Types].xml": CONTENT_TYPES,
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([(name, state) for name, state, _ in sheets], date1904),
            "xl/_rels/workbook.xml.rels": workbook_rels(len(sheets), absolute),
            "xl/styles.xml": STYLES,
            "xl/sharedStrings.xml": shared(strings),
        }
        for i, (_, _, xml) in enumerate(sheets):
            parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
        for name, text in parts.items():
            if name not in omit:
                z.writestr(name, text)


def basic():
    # A roster as an organiser keeps it: a hidden helper sheet first, a title row and a blank
    # row above the header, rich text with furigana, numbers, booleans, dates, formulas and a
    # merged 所属 cell over two people.
    strings = [
        "令和6年度 多職種連携研修 名簿",  # 0
        "氏名", "職種", "所属", "受講日", "点数", "修了",  # 1-6
        "<si><r><t>山田</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 太郎</t></r>"
        "<rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh></si>",  # 7
        "医師", "さくら病院",  # 8, 9
        "佐藤 花子", "看護師",  # 10, 11
        "鈴木_x000D_一郎", "ケアマネジャー", "ひまわり居宅",  # 12-14
        "内部用",  # 15
    ]
    roster = sheet(
        [
            (1, [s("A1", 0)]),
            (3, [s("A3", 1), s("B3", 2), s("C3", 3), s("D3", 4), s("E3", 5), s("F3", 6), '<c r="G3" t="inlineStr"><is><t>備考</t></is></c>']),
            (4, [s("A4", 7), s("B4", 8), s("C4", 9), n("D4", 45413, 1), n("E4", 4), '<c r="F4" t="b"><v>1</v></c>',
                 '<c r="G4" t="inlineStr"><is><r><t>要</t></r><r><t>確認</t></r></is></c>']),
            (5, [s("A5", 10), s("B5", 11), n("D5", "45413.395833333336", 2), n("E5", "0.30000000000000004"),
                 '<c r="F5" t="b"><v>0</v></c>', '<c r="G5" t="str"><f>"=1+1"</f><v>=1+1</v></c>']),
            (6, [s("A6", 12), s("B6", 13), s("C6", 14), n("D6", 45413, 6), n("E6", "4.5", 3),
                 '<c r="F6"><f>SUM(E4:E5)</f><v>4.3</v></c>', '<c r="G6" t="e"><v>#N/A</v></c>']),
            (7, ['<c r="A7" s="1"/>', '<c r="B7" t="s"/>']),  # styled but empty: not a row
            (8, [n("D8", 7, 4), n("E8", "0.375", 5), '<c r="F8" t="d"><v>2024-05-01T00:00:00</v></c>']),
        ],
        merges=["C4:C5", "A1:G1"])
    hidden = sheet([(1, [s("A1", 15)])])
    answers = sheet([(1, [s("A1", 1)]), (2, [s("A2", 10)])])
    write_xlsx(f"{OUT}/roster.xlsx", [("設定", "hidden", hidden), ("名簿", None, roster), ("回答", None, answers)], strings)


def date1904():
    strings = ["日付", "値"]
    data = sheet([(1, [s("A1", 0), s("B1", 1)]), (2, [n("A2", 0, 1), n("B2", 1)]), (3, [n("A3", 43951, 1), n("B3", 2)])])
    write_xlsx(f"{OUT}/date1904.xlsx", [("Sheet1", None, data)], strings, date1904=True, absolute=True)


def lotus():
    strings = ["日付"]
    data = sheet([(1, [s("A1", 0)]), (2, [n("A2", 59, 1)]), (3, [n("A3", 61, 1)]), (4, [n("A4", 1, 1)])])
    write_xlsx(f"{OUT}/date1900.xlsx", [("Sheet1", None, data)], strings)


def hostile():
    strings = ["a"]
    doctype = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
               f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is>'
               '</c></row></sheetData></worksheet>')
    write_xlsx(f"{OUT}/doctype.xlsx", [("Sheet1", None, doctype)], strings)
    write_xlsx(f"{OUT}/missing-sheet.xlsx", [("Sheet1", None, sheet([]))], strings, omit=("xl/worksheets/sheet1.xml",))
    bad_ref = sheet([(1, [s("A1", 0)]), (2, [s("A2", 0), '<c r="C12x" t="s"><v>0</v></c>'])])
    write_xlsx(f"{OUT}/bad-reference.xlsx", [("Sheet1", None, bad_ref)], strings)
    bad_shared = sheet([(1, [s("A1", 0), s("B1", 0)]), (12, [s("A12", 0), s("C12", 99)])])
    write_xlsx(f"{OUT}/bad-shared-string.xlsx", [("Sheet1", None, bad_shared)], strings)
    broken = sheet([(1, [s("A1", 0)])]).replace("</sheetData>", "")
    write_xlsx(f"{OUT}/broken-xml.xlsx", [("Sheet1", None, broken)], strings)
    # A lying header: the entry inflates to more than the size its headers declare.
    path = f"{OUT}/lying-size.xlsx"
    big = sheet([(r, [n(f"A{r}", r)]) for r in range(1, 2000)])
    write_xlsx(path, [("Sheet1", None, big)], strings)
    patch_declared_size(path, "xl/worksheets/sheet1.xml", 1000)
    path = f"{OUT}/absurd-size.xlsx"
    write_xlsx(path, [("Sheet1", None, sheet([(1, [s("A1", 0)])]))], strings)
    patch_declared_size(path, "xl/worksheets/sheet1.xml", 0xFFFFFFF0)
    # Legacy Excel: an OLE2 compound file header.
    with open(f"{OUT}/legacy.xls", "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\x00" * 504 + "氏名".encode("cp932") * 50)
    # A Word document: a zip, but not a spreadsheet.
    with zipfile.ZipFile(f"{OUT}/document.docx", "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.replace("xl/workbook.xml", "word/document.xml")
                   .replace("spreadsheetml.sheet.main", "wordprocessingml.document.main"))
        z.writestr("word/document.xml", "<document/>")


def patch_declared_size(path, name, size):
    """Rewrites the uncompressed size of `name` in its local header and central directory."""
    data = bytearray(open(path, "rb").read())
    encoded = name.encode()
    for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_offset:start + name_offset + len(encoded)] == encoded:
                struct.pack_into("<I", data, start + size_offset, size)
            start += 4
    open(path, "wb").write(bytes(data))


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')


def write_ods(path, tables, styles=""):
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODS_NS} office:version="1.3">'
               f'<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:spreadsheet>'
               f'{tables}</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')


def cell(text=None, repeat=1, **value):
    attrs = "".join(f' {k.replace("__", "-").replace("_", ":", 1)}="{v}"' for k, v in value.items())
    if repeat > 1:
        attrs += f' table:number-columns-repeated="{repeat}"'
    body = f"<text:p>{text}</text:p>" if text is not None else ""
    return f"<table:table-cell{attrs}>{body}</table:table-cell>"


def ods():
    styles = ('<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>'
              '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>')
    hidden = '<table:table table:name="メモ" table:style-name="ta2"><table:table-row>' + cell("内部用", office_value__type="string") + "</table:table-row></table:table>"
    rows = [
        '<table:table-row>' + cell("令和6年度 研修 名簿", office_value__type="string") + cell(repeat=1023) + '</table:table-row>',
        '<table:table-row table:number-rows-repeated="2">' + cell(repeat=1024) + '</table:table-row>',
        '<table:table-row>' + "".join(cell(h, office_value__type="string") for h in ["氏名", "職種", "所属", "受講日", "点数", "時刻"]) + cell(repeat=1018) + '</table:table-row>',
        '<table:table-row>'
        + '<table:table-cell office:value-type="string"><text:p>山田<text:s text:c="2"/>太郎</text:p>'
          '<office:annotation><dc:creator>事務局</dc:creator><text:p>メモ</text:p></office:annotation></table:table-cell>'
        + cell("医師", office_value__type="string")
        + '<table:table-cell office:value-type="string" table:number-rows-spanned="2"><text:p><text:span>さくら</text:span>病院</text:p></table:table-cell>'
        + cell("2024/05/01", office_value__type="date", office_date__value="2024-05-01")
        + cell("4", office_value__type="float", office_value="4")
        + cell("09:30", office_value__type="time", office_time__value="PT09H30M00S")
        + '</table:table-row>',
        '<table:table-row>' + cell("佐藤 花子", office_value__type="string") + cell("看護師", office_value__type="string")
        + '<table:covered-table-cell/>'
        + cell("2024-05-01 09:30", office_value__type="date", office_date__value="2024-05-01T09:30:00")
        + cell("0.3", office_value__type="float", office_value="0.3")
        + cell("TRUE", office_value__type="boolean", office_boolean__value="true") + '</table:table-row>',
        '<table:table-row table:number-rows-repeated="2">' + cell("同じ", office_value__type="string") + cell("行", office_value__type="string") + '</table:table-row>',
        '<table:table-row>' + '<table:table-cell office:value-type="string"><text:p>一行目</text:p><text:p>二行目</text:p></table:table-cell>'
        + cell("x", repeat=3, office_value__type="string") + '</table:table-row>',
        '<table:table-row table:number-rows-repeated="1048566">' + cell(repeat=1024) + '</table:table-row>',
    ]
    main = '<table:table table:name="名簿" table:style-name="ta1"><table:table-column table:number-columns-repeated="1024"/>' + "".join(rows) + "</table:table>"
    second = '<table:table table:name="集計" table:style-name="ta1"><table:table-row>' + cell("合計", office_value__type="string") + "</table:table-row></table:table>"
    write_ods(f"{OUT}/roster.ods", hidden + main + second, styles)
    repeat_bomb = ('<table:table table:name="Sheet1"><table:table-row>' + cell("a", office_value__type="string")
                   + '</table:table-row><table:table-row>'
                   + cell("x", repeat=2000000000, office_value__type="string") + '</table:table-row></table:table>')
    write_ods(f"{OUT}/repeat-columns.ods", repeat_bomb)
    row_bomb = ('<table:table table:name="Sheet1"><table:table-row>' + cell("a", office_value__type="string")
                + '</table:table-row><table:table-row table:number-rows-repeated="99999999999999999999999">'
                + cell("x", office_value__type="string") + '</table:table-row></table:table>')
    write_ods(f"{OUT}/repeat-rows.ods", row_bomb)


def xml_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def excel_serial(text):
    """`2026/04/18 16:00:00` (the timestamp Google Forms writes) as an Excel date serial."""
    import datetime
    for pattern in ("%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d", "%Y-%m-%d"):
        try:
            moment = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        delta = moment - datetime.datetime(1899, 12, 30)
        return delta.days + delta.seconds / 86400
    return None


def csv_to_spreadsheets(source, encoding, xlsx_path, ods_path, title):
    """The same table as a CSV export, saved the way a spreadsheet keeps it: numbers as numbers,
    timestamps as date serials with a date format, text as shared strings, a title row and a
    blank row above the header, and a hidden sheet before it."""
    import csv
    with open(source, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    strings, index = [], {}

    def string_cell(ref, text):
        if text not in index:
            index[text] = len(strings)
            strings.append(xml_text(text))
        return s(ref, index[text])

    def column(i):
        name = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            name = chr(65 + r) + name
        return name

    sheet_rows = [(1, [string_cell("A1", title)])]
    ods_rows = ['<table:table-row>' + cell(xml_text(title), office_value__type="string") + '</table:table-row>',
                '<table:table-row>' + cell(repeat=len(rows[0])) + '</table:table-row>']
    for r, row in enumerate(rows):
        number = r + 3
        cells, ods_cells = [], []
        for c, value in enumerate(row):
            ref = f"{column(c)}{number}"
            serial = excel_serial(value) if r > 0 else None
            if value == "":
                ods_cells.append(cell())
                continue
            if r > 0 and value.lstrip("-").isdigit() and not (len(value) > 1 and value.startswith("0")):
                cells.append(n(ref, value))
                ods_cells.append(cell(value, office_value__type="float", office_value=value))
            elif serial is not None:
                style = 2 if ":" in value else 1
                cells.append(n(ref, repr(serial), style))
                iso = value.replace("/", "-").replace(" ", "T")
                ods_cells.append(cell(value, office_value__type="date", office_date__value=iso))
            else:
                cells.append(string_cell(ref, value))
                ods_cells.append(cell(xml_text(value).replace("\n", "</text:p><text:p>"), office_value__type="string"))
        sheet_rows.append((number, cells))
        ods_rows.append("<table:table-row>" + "".join(ods_cells) + "</table:table-row>")
    helper = sheet([(1, [string_cell("A1", "選択肢")])])
    write_xlsx(xlsx_path, [("選択肢", "hidden", helper), ("フォームの回答 1", None, sheet(sheet_rows))], strings)
    styles = '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
    hidden = '<table:table table:name="選択肢" table:style-name="ta2"><table:table-row>' + cell("選択肢", office_value__type="string") + "</table:table-row></table:table>"
    write_ods(ods_path, hidden + '<table:table table:name="フォームの回答 1">' + "".join(ods_rows) + "</table:table>", styles)


def equivalents():
    csv_to_spreadsheets("Tests/KenshuRostersTests/Fixtures/roster-ja.csv", "utf-8",
                        "Tests/KenshuRostersTests/Fixtures/roster-ja.xlsx",
                        "Tests/KenshuRostersTests/Fixtures/roster-ja.ods", "令和6年度 多職種連携研修 受講者名簿")
    csv_to_spreadsheets("Tests/KenshuEvaluationTests/Fixtures/day1-eval-google-forms.csv", "cp932",
                        "Tests/KenshuEvaluationTests/Fixtures/day1-eval-google-forms.xlsx",
                        "Tests/KenshuEvaluationTests/Fixtures/day1-eval-google-forms.ods", "研修1日目 アンケート（回答）")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    basic()
    date1904()
    lotus()
    hostile()
    ods()
    equivalents()
