#!/bin/sh
# Makes the RTF golden files (run from this folder; needs python3 and LibreOffice's soffice).
#  - beslut.rtf: written by make_beslut_rtf.py the way Word/WordPad write RTF (\'hh bytes in the declared
#    code pages, \uN with a fallback, a header, a hidden \v group, a table, a footnote).
#  - utredning.rtf: LibreOffice's RTF of ../../OpenDocument/Golden/utredning.fodt (a second writer's dialect).
set -e
python3 make_beslut_rtf.py > beslut.rtf
tmp=$(mktemp -d)
soffice --headless --convert-to rtf --outdir "$tmp" ../../OpenDocument/Golden/utredning.fodt >/dev/null
cp "$tmp/utredning.rtf" utredning.rtf
rm -rf "$tmp"
