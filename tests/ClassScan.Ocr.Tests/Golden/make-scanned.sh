#!/usr/bin/env bash
# Makes the golden "scanned" files for the OCR tests: a one-page document with the Skatteverket test number
# 19121212-1212 and a Swedish sentence, typeset by LibreOffice, rendered to a grey image by pdftoppm (as a scanner
# would), and wrapped back into a PDF that has no text layer (LibreOffice Draw imports the image). Run it from this
# folder; needs soffice and pdftoppm (the tests themselves need only tesseract and pdftoppm). The outputs are
# committed: skannad.pdf, skannad.png.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/brev.fodt" <<'FODT'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-family="'DejaVu Sans'" fo:font-size="14pt"/><style:paragraph-properties fo:margin-bottom="0.3cm"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="P1">Beslut om bygglov</text:p>
<text:p text:style-name="P1">Personnummer 19121212-1212</text:p>
<text:p text:style-name="P1">Kommunen har tagit emot ansökan om bygglov för ett förråd på tomten.</text:p>
<text:p text:style-name="P1">Byggnadsnämnden beviljar ansökan och önskar lycka till med bygget.</text:p>
</office:text></office:body></office:document>
FODT
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf --outdir "$work" "$work/brev.fodt" >/dev/null 2>&1
# 150 dpi grey, cropped to the text block: small enough to commit, sharp enough for tesseract.
pdftoppm -r 150 -f 1 -l 1 -gray -png -singlefile -x 0 -y 0 -W 1240 -H 450 "$work/brev.pdf" "$work/sida"
cp "$work/sida.png" skannad.png
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf:draw_pdf_Export --outdir "$work" "$work/sida.png" >/dev/null 2>&1
cp "$work/sida.pdf" skannad.pdf
ls -l skannad.pdf skannad.png
