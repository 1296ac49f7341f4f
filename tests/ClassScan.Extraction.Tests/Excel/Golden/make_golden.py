#!/usr/bin/env python3
"""Makes the golden legacy/binary Excel workbooks the Excel extractor tests read (run from this folder).

golden.fods (written here) -> LibreOffice -> golden.xls (BIFF8) and golden.xlsx; golden.xlsb is written by this
script itself (LibreOffice has no .xlsb export), record by record after [MS-XLSB], with the same cells.
Booleans and text formulas are left out: LibreOffice writes a boolean as the number 1 and a text formula's cached
result as 0 in .xls (no STRING record), so the three files would not hold the same; the tests build those records.
Every personnummer is Skatteverket's test number 19121212-1212 (Tolvan Tolvansson). The long text is placed so
that the test number straddles the first CONTINUE record of the .xls shared-string table; the script checks that
it does, and fails otherwise.

    python3 make_golden.py            # needs soffice on PATH; tests do not
"""
import os, struct, subprocess, sys, zipfile

PNR_TEXT = "19121212-1212"
FILLER = "Elevakt HT24 "

def long_text(prefix_len):
    prefix = (FILLER * (prefix_len // len(FILLER) + 1))[:prefix_len]
    return prefix + PNR_TEXT + " " + (FILLER * 400)

# (row, col, kind, value, style); kinds: s string, n number, d date (ISO), b bool, f formula (value = cached, formula)
def cells(prefix_len):
    return {
        "Elevlista": [
            (0, 0, "s", "Namn", None), (0, 1, "s", "Personnummer", None), (0, 2, "s", "Inskriven", None), (0, 3, "s", "Avgift", None),
            (1, 0, "s", "Tolvan Tolvansson", None), (1, 1, "n", 191212121212, "int"), (1, 2, "d", "2024-03-15", "date"), (1, 3, "n", 1234.5, "dec2"),
            (2, 0, "s", "Vetenskaplig form", None), (2, 1, "n", 191212121212, "sci"), (2, 2, "n", 0.5, "pct"),
            (3, 0, "s", "Formel", None), (3, 1, "f", (2, "of:=1+1"), None),
            (4, 0, "s", long_text(prefix_len), None),
        ],
        "Tom blad": [
            (0, 0, "s", "Ingen känslig uppgift", None), (0, 1, "n", 42, None),
        ],
    }

HEADER = "Elevregister HT24"
FOOTER = "Skolkontoret"
COMMENT = "Kontrollera uppgiften"

def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def fods(prefix_len):
    sheets = []
    for name, cs in cells(prefix_len).items():
        rows = {}
        for r, c, kind, value, style in cs:
            rows.setdefault(r, {})[c] = (kind, value, style)
        out = [f'<table:table table:name="{xml_escape(name)}" table:style-name="ta1">']
        for r in range(max(rows) + 1):
            out.append("<table:table-row>")
            row = rows.get(r, {})
            for c in range(max(row) + 1 if row else 1):
                if c not in row:
                    out.append("<table:table-cell/>")
                    continue
                kind, value, style = row[c]
                st = f' table:style-name="{style}"' if style else ""
                note = ""
                if name == "Elevlista" and (r, c) == (1, 0):
                    note = f"<office:annotation><text:p>{COMMENT}</text:p></office:annotation>"
                if kind == "s":
                    out.append(f'<table:table-cell office:value-type="string"{st}>{note}<text:p>{xml_escape(value)}</text:p></table:table-cell>')
                elif kind == "n":
                    vt = "percentage" if style == "pct" else "float"
                    out.append(f'<table:table-cell office:value-type="{vt}" office:value="{value}"{st}><text:p>{value}</text:p></table:table-cell>')
                elif kind == "d":
                    out.append(f'<table:table-cell office:value-type="date" office:date-value="{value}"{st}><text:p>{value}</text:p></table:table-cell>')
                elif kind == "b":
                    out.append(f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(value).lower()}"><text:p>TRUE</text:p></table:table-cell>')
                elif kind == "f":
                    cached, formula = value
                    if isinstance(cached, str):
                        out.append(f'<table:table-cell table:formula="{xml_escape(formula)}" office:value-type="string" office:string-value="{cached}"><text:p>{cached}</text:p></table:table-cell>')
                    else:
                        out.append(f'<table:table-cell table:formula="{xml_escape(formula)}" office:value-type="float" office:value="{cached}"><text:p>{cached}</text:p></table:table-cell>')
            out.append("</table:table-row>")
        out.append("</table:table>")
        sheets.append("".join(out))
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
 <number:number-style style:name="N1"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
 <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
 <number:number-style style:name="N11"><number:scientific-number number:decimal-places="2" number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>
 <number:percentage-style style:name="N9"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:date-style style:name="N14"><number:day/><number:text>/</number:text><number:month/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="ta1" style:family="table" style:master-page-name="Default"/>
 <style:style style:name="int" style:family="table-cell" style:data-style-name="N1"/>
 <style:style style:name="dec2" style:family="table-cell" style:data-style-name="N2"/>
 <style:style style:name="sci" style:family="table-cell" style:data-style-name="N11"/>
 <style:style style:name="pct" style:family="table-cell" style:data-style-name="N9"/>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="N14"/>
 <style:page-layout style:name="pm1"/>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Default" style:page-layout-name="pm1">
  <style:header><text:p>{HEADER}</text:p></style:header>
  <style:footer><text:p>{FOOTER}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:spreadsheet>{"".join(sheets)}</office:spreadsheet></office:body>
</office:document>
'''

# --- reading back the .xls, to place the test number on the CONTINUE boundary ---

def cfb_stream(data, wanted="Workbook"):
    ss = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    nfat = struct.unpack_from("<I", data, 0x2C)[0]
    difat = list(struct.unpack_from("<109I", data, 0x4C))[:nfat]
    sec = lambda i: data[(i + 1) * ss:(i + 2) * ss]
    fat = []
    for s in difat:
        fat += struct.unpack("<%dI" % (ss // 4), sec(s))
    def chain(s):
        while s < 0xFFFFFFFA:
            yield s
            s = fat[s]
    dirb = b"".join(sec(s) for s in chain(struct.unpack_from("<I", data, 0x30)[0]))
    for o in range(0, len(dirb), 128):
        e = dirb[o:o + 128]
        n = struct.unpack_from("<H", e, 0x40)[0]
        if e[:max(0, n - 2)].decode("utf-16le") == wanted:
            start, size = struct.unpack_from("<IQ", e, 0x74)
            return b"".join(sec(s) for s in chain(start))[:size]
    raise SystemExit(f"no {wanted} stream")

def sst_split_index(xls_bytes):
    """(char index of the long string at which its first CONTINUE starts, the CONTINUE's fHighByte)."""
    wb = cfb_stream(xls_bytes)
    p = 0
    while p + 4 <= len(wb):
        t, l = struct.unpack_from("<HH", wb, p)
        if t == 0x00FC:
            break
        p += 4 + l
    parts = []
    while True:
        t, l = struct.unpack_from("<HH", wb, p)
        if parts and t != 0x003C:
            break
        parts.append(wb[p + 4:p + 4 + l])
        p += 4 + l
    first = parts[0]
    q = 8
    while q < len(first):
        cch, flags = struct.unpack_from("<HB", first, q)
        q += 3
        if flags & 0x08: q += 2
        if flags & 0x04: q += 4
        width = 2 if flags & 1 else 1
        if q + cch * width > len(first):
            return (len(first) - q) // width, parts[1][0] & 1
        q += cch * width
    raise SystemExit("the SST fits in one record: make the long text longer")

# --- the .xlsb, written record by record ---

def rec(t, body=b""):
    out = bytearray()
    out.append((t & 0x7F) | (0x80 if t >= 0x80 else 0))
    if t >= 0x80:
        out.append(t >> 7)
    n = len(body)
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            break
    return bytes(out) + body

def wstr(s):
    raw = s.encode("utf-16le")
    return struct.pack("<I", len(raw) // 2) + raw

def cell(col, style):
    return struct.pack("<II", col, style)

XLSB_STYLES = {None: 0, "int": 1, "dec2": 2, "sci": 3, "pct": 4, "date": 5}
XLSB_FORMATS = [0, 1, 2, 11, 9, 164]  # format id per style index; 164 is the custom date below

def excel_serial(iso):
    import datetime
    d = datetime.date.fromisoformat(iso)
    return (d - datetime.date(1899, 12, 30)).days

def xlsb(prefix_len):
    sheets = cells(prefix_len)
    shared = []
    def isst(s):
        if s not in shared:
            shared.append(s)
        return shared.index(s)
    sheet_parts = []
    for name, cs in sheets.items():
        body = [rec(129), rec(145)]  # BrtBeginSheet, BrtBeginSheetData
        current = None
        for r, c, kind, value, style in sorted(cs, key=lambda x: (x[0], x[1])):
            if r != current:
                body.append(rec(0, struct.pack("<IIHBBB", r, 0, 300, 0, 0, 0) + struct.pack("<I", 0)))  # BrtRowHdr
                current = r
            st = XLSB_STYLES[style]
            if kind == "s":
                body.append(rec(7, cell(c, st) + struct.pack("<I", isst(value))))
            elif kind == "n":
                body.append(rec(5, cell(c, st) + struct.pack("<d", float(value))))
            elif kind == "d":
                body.append(rec(5, cell(c, st) + struct.pack("<d", float(excel_serial(value)))))
            elif kind == "b":
                body.append(rec(4, cell(c, st) + bytes([1])))
            elif kind == "f":
                cached, _ = value
                if isinstance(cached, str):
                    body.append(rec(8, cell(c, st) + wstr(cached) + struct.pack("<HI", 0, 0)))
                else:
                    body.append(rec(9, cell(c, st) + struct.pack("<d", float(cached)) + struct.pack("<HI", 0, 0)))
        body.append(rec(146))  # BrtEndSheetData
        hf = struct.pack("<H", 0) + wstr("&C" + HEADER) + wstr("&C" + FOOTER) + b"\xff\xff\xff\xff" * 4
        body += [rec(479, hf), rec(480), rec(130)]  # BrtBeginHeaderFooter, BrtEndHeaderFooter, BrtEndSheet
        sheet_parts.append((name, b"".join(body)))
    sst = [rec(159, struct.pack("<II", len(shared), len(shared)))]
    sst += [rec(19, b"\x00" + wstr(s)) for s in shared]
    sst.append(rec(160))
    styles = [rec(278), rec(615, struct.pack("<I", 1)), rec(44, struct.pack("<H", 164) + wstr("yyyy-mm-dd")), rec(616),
              rec(617, struct.pack("<I", len(XLSB_FORMATS)))]
    styles += [rec(47, struct.pack("<HHH", 0xFFFF if i == 0 else 0, f, 0) + b"\x00" * 10) for i, f in enumerate(XLSB_FORMATS)]
    styles += [rec(618), rec(279)]
    wb = [rec(131), rec(153, struct.pack("<II", 0, 0) + wstr("")), rec(143)]
    for i, (name, _) in enumerate(sheet_parts):
        wb.append(rec(156, struct.pack("<II", 0, i + 1) + wstr(f"rId{i + 1}") + wstr(name)))
    wb += [rec(144), rec(132)]
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.bin"/></Relationships>')
    n = len(sheet_parts)
    wbrels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    wbrels += [f'<Relationship Id="rId{i + 1}" Type="{rel}/worksheet" Target="worksheets/sheet{i + 1}.bin"/>' for i in range(n)]
    wbrels += [f'<Relationship Id="rId{n + 1}" Type="{rel}/sharedStrings" Target="sharedStrings.bin"/>',
               f'<Relationship Id="rId{n + 2}" Type="{rel}/styles" Target="styles.bin"/></Relationships>']
    comments = b"".join([rec(628), rec(630), rec(632, wstr("Skola")), rec(631), rec(633),
                         rec(635, struct.pack("<IIIII", 0, 1, 1, 0, 0) + b"\x00" * 16), rec(637, b"\x00" + wstr(COMMENT)),
                         rec(636), rec(634), rec(629)])
    sheetrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel}/comments" Target="../comments1.bin"/></Relationships>')
    with zipfile.ZipFile("golden.xlsb", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/comments1.bin", comments)
        z.writestr("xl/worksheets/_rels/sheet1.bin.rels", sheetrels)
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.bin", b"".join(wb))
        z.writestr("xl/_rels/workbook.bin.rels", "".join(wbrels))
        z.writestr("xl/sharedStrings.bin", b"".join(sst))
        z.writestr("xl/styles.bin", b"".join(styles))
        for i, (_, part) in enumerate(sheet_parts):
            z.writestr(f"xl/worksheets/sheet{i + 1}.bin", part)

def convert(prefix_len):
    with open("golden.fods", "w", encoding="utf-8") as f:
        f.write(fods(prefix_len))
    for fmt in ("xls", "xlsx"):
        subprocess.run(["soffice", "--headless", "--convert-to", fmt, "golden.fods"], check=True, capture_output=True)
    with open("golden.xls", "rb") as f:
        return f.read()

if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    split, _ = sst_split_index(convert(4000))
    prefix = split - 6  # the boundary falls after "191212", inside the test number
    split2, high = sst_split_index(convert(prefix))
    if split2 != split:
        sys.exit(f"boundary moved ({split} -> {split2})")
    xlsb(prefix)
    os.remove("golden.fods")
    print(f"test number at {prefix}..{prefix + len(PNR_TEXT)}, CONTINUE at {split} (fHighByte {high})")
