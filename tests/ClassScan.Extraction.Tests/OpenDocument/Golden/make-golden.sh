#!/bin/sh
# Makes the OpenDocument golden files from the flat XML sources beside them (run from this folder; needs LibreOffice).
# The .fodt/.fods/.fodp sources are tested too, as the flat formats; the zip packages are LibreOffice's own output.
set -e
soffice --headless --convert-to odt utredning.fodt >/dev/null
soffice --headless --convert-to ods elevlista.fods >/dev/null
soffice --headless --convert-to odp presentation.fodp >/dev/null
