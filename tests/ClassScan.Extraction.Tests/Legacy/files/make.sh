#!/bin/sh
# Regenerates the legacy Office golden files (Word 97-2003 .doc, PowerPoint 97-2003 .ppt) from flat ODF sources
# written here, with LibreOffice. Tests never run this: the outputs are committed. Synthetic text only; the
# personnummer are Skatteverket test numbers (19121212-1212 Tolvan Tolvansson, 19881007-2382, 19771207-2391).
# Usage: sh make.sh   (needs soffice on PATH)
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/legacy-word.fodt" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>
  <dc:title>Utredning om bistånd</dc:title>
  <dc:subject>Testdokument för äldre Word</dc:subject>
 </office:meta>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p>Socialtjänsten, Exempelby kommun</text:p></style:header>
   <style:footer><text:p>Gäller Tolvan Tolvansson 19121212-1212, sida <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   <text:p>Utredning om bistånd enligt socialtjänstlagen.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Sökandens make har personnummer 19881007-2382.</text:p></text:note-body></text:note></text:p>
   <text:p>Se <text:a xlink:type="simple" xlink:href="https://exempel.se/regler">kommunens regler</text:a> för handläggning.</text:p>
   <table:table table:name="Uppgifter">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-row><table:table-cell><text:p>Namn</text:p></table:table-cell><table:table-cell><text:p>Personnummer</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Sara Exempel</text:p></table:table-cell><table:table-cell><text:p>19771207-2391</text:p></table:table-cell></table:table-row>
   </table:table>
   <text:p>Beslut fattas efter hembesök.<office:annotation><dc:creator>Handläggare</dc:creator><text:p>Kontrollera inkomsten före beslut.</text:p></office:annotation></text:p>
   <text:p>Slutsats i ärendet.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Slutnot om underlaget.</text:p></text:note-body></text:note></text:p>
  </office:text>
 </office:body>
</office:document>
XML

cat > "$work/legacy-slides.fodp" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="28cm" fo:page-height="15.75cm"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Default" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body>
  <office:presentation>
   <draw:page draw:name="Bild1" draw:master-page-name="Default">
    <draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Välkommen till nämndens möte</text:p></draw:text-box></draw:frame>
    <presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="12cm" svg:width="17cm" svg:height="8cm"><draw:text-box><text:p>Talarens anteckning: ärendet gäller 19121212-1212.</text:p></draw:text-box></draw:frame></presentation:notes>
   </draw:page>
   <draw:page draw:name="Bild2" draw:master-page-name="Default">
    <draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Budget för äldreomsorgen</text:p><text:p>Andra raden på bild två</text:p></draw:text-box></draw:frame>
   </draw:page>
   <draw:page draw:name="Bild3" draw:master-page-name="Default">
    <draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Frågor och svar</text:p></draw:text-box></draw:frame>
    <presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="12cm" svg:width="17cm" svg:height="8cm"><draw:text-box><text:p>Anteckning till sista bilden.</text:p></draw:text-box></draw:frame></presentation:notes>
   </draw:page>
  </office:presentation>
 </office:body>
</office:document>
XML

# A throw-away profile that saves no preview thumbnail (it would make SummaryInformation hundreds of KB).
mkdir -p "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
XCU
lo() { soffice -env:UserInstallation="file://$work/profile" --headless "$@" >/dev/null 2>&1; }
lo --convert-to doc --outdir "$work" "$work/legacy-word.fodt"
lo --convert-to ppt --outdir "$work" "$work/legacy-slides.fodp"
cp "$work/legacy-word.doc" legacy-word.doc
# LibreOffice always stores a preview thumbnail in the presentation's SummaryInformation (~450 KB): keep the rest.
python3 repack.py "$work/legacy-slides.ppt" legacy-slides.ppt "PowerPoint Document" "Current User" DocumentSummaryInformation
ls -l legacy-word.doc legacy-slides.ppt
