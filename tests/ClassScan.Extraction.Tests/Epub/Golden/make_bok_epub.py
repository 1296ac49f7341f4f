"""Writes bok.epub: a two-chapter EPUB 3 whose spine order differs from its manifest order (synthetic text,
Skatteverket's test personnummer only). Run from this folder: python3 make_bok_epub.py"""
import zipfile

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
 <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:identifier id="id">urn:uuid:00000000-0000-0000-0000-000000000000</dc:identifier>
  <dc:title>Handbok för handläggare</dc:title>
  <dc:creator>Anna Författare</dc:creator>
  <dc:subject>Socialtjänst</dc:subject>
  <dc:language>sv</dc:language>
 </metadata>
 <manifest>
  <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  <item id="k2" href="Text/kapitel%202.xhtml" media-type="application/xhtml+xml"/>
  <item id="k1" href="Text/kapitel1.xhtml" media-type="application/xhtml+xml"/>
  <item id="css" href="stil.css" media-type="text/css"/>
 </manifest>
 <spine><itemref idref="k1"/><itemref idref="k2"/></spine>
</package>"""

def chapter(title, body):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title><style>p {{ margin: 0 }}</style></head>
<body><h1>{title}</h1>{body}</body></html>"""

with zipfile.ZipFile("bok.epub", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
    z.writestr("META-INF/container.xml", CONTAINER, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("OEBPS/content.opf", OPF, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("OEBPS/nav.xhtml", chapter("Innehåll", "<nav><ol><li>Kapitel 1</li></ol></nav>"), compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("OEBPS/Text/kapitel1.xhtml", chapter("Inledning", "<p>Handboken gäller från 2025.</p>"), compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("OEBPS/Text/kapitel 2.xhtml",
               chapter("Exempel", "<p>Ärende: Tolvan Tolvansson, 19121212-1212.</p><table><tr><td>Åtgärd</td><td>Klar</td></tr></table>"),
               compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("OEBPS/stil.css", "p { color: black }", compress_type=zipfile.ZIP_DEFLATED)
