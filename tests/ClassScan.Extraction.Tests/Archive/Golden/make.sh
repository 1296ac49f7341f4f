#!/bin/sh
# Makes the encrypted golden archives (password "Tolvan"; the content is synthetic and harmless). Needs 7-Zip (Debian
# package 7zip, command 7zz); the tests only read the committed outputs. Run from this folder: sh make.sh
set -e
tmp=$(mktemp -d)
printf 'Hemlig anteckning utan personuppgifter.\n' > "$tmp/hemlig.txt"
printf 'Öppen anteckning.\n' > "$tmp/oppen.txt"
rm -f header-encrypted.7z content-encrypted.7z aes.zip zipcrypto.zip
# 7z with encrypted headers (-mhe=on): not even the names can be listed without the password.
(cd "$tmp" && 7zz a -bso0 -pTolvan -mhe=on "$OLDPWD/header-encrypted.7z" hemlig.txt)
# 7z with plain headers and encrypted content: the names are listed, each entry is encrypted.
(cd "$tmp" && 7zz a -bso0 -pTolvan -mhe=off "$OLDPWD/content-encrypted.7z" hemlig.txt)
# zip with one AES-256 entry beside a plain one.
(cd "$tmp" && 7zz a -bso0 -tzip "$OLDPWD/aes.zip" oppen.txt && 7zz a -bso0 -tzip -pTolvan -mem=AES256 "$OLDPWD/aes.zip" hemlig.txt)
# zip with one entry in traditional PKWARE encryption (ZipCrypto) beside a plain one.
(cd "$tmp" && 7zz a -bso0 -tzip "$OLDPWD/zipcrypto.zip" oppen.txt && 7zz a -bso0 -tzip -pTolvan -mem=ZipCrypto "$OLDPWD/zipcrypto.zip" hemlig.txt)
rm -r "$tmp"
