#!/usr/bin/env python3
"""Derives halsa-swedmedner.txt (CC BY-SA 4.0) from SwedMedNER (Almgren, Pavlov & Mogren 2016).

python3 derive.py <SwedMedNER dir> exclude.txt > ../halsa-swedmedner.txt

Keeps ( ) disorder/finding and [ ] drug annotations; { } body parts are dropped. Every term of the
hand-annotated 1177 file is a candidate; a term of the automatically tagged Wikipedia file needs >= 3
occurrences. Dropped: non-letters, more than three words, fragments cut by the 60-character windows
("hizofreni" inside "schizofreni"), manufacturer variants ("sertralin actavis" -> kept as "sertralin"),
and the terms in exclude.txt (anatomy, chemistry, words too general to say anything about a person).
"""
import collections, re, sys

src, exclude = sys.argv[1], sys.argv[2]
excl = {l.strip() for l in open(exclude, encoding="utf8") if l.strip() and not l.startswith("#")}

def extract(fn):
    txt = open(f"{src}/{fn}", encoding="utf8").read()
    norm = lambda m: re.sub(r"\s+", " ", m.strip().lower())
    dis = collections.Counter(norm(m) for m in re.findall(r"\(([^()\[\]{}]+)\)", txt))
    drg = collections.Counter(norm(m) for m in re.findall(r"\[([^()\[\]{}]+)\]", txt))
    return dis, drg, txt.lower().split("\n")

d1, g1, t1 = extract("1177_annotated_sentences.txt")
d2, g2, wiki_lines = extract("Wiki_annotated_60.txt")
ok = re.compile(r"^[a-zåäöéü][a-zåäöéü\- ]*[a-zåäöéü]$")
MANUFACTURERS = {"actavis", "bluefish", "hexal", "krka", "ranbaxy", "teva", "stada", "ratiopharm", "sandoz",
                 "mylan", "apofri", "orifarm", "ratiopha", "ratioph", "ratio", "actavi", "ranba", "ranb", "blue", "bl", "st"}

def candidates(manual, wiki):
    out = {}
    for t, n in manual.items():
        out[t] = out.get(t, 0) + n
    for t, n in wiki.items():
        if n >= 3:
            out[t] = out.get(t, 0) + n
    res = set()
    for t in out:
        words = t.split()
        if words and words[-1] in MANUFACTURERS and len(words) > 1:
            t = " ".join(words[:-1]); words = words[:-1]
        if not ok.match(t) or len(t) < 4 or len(words) > 3 or t in excl:
            continue
        res.add(t)
    # fragments: the Wikipedia file is cut into 60-character windows, so a tag at either end of a line may hold
    # a cut word ("(tion)", "(hizofreni)"). A Wikipedia term must occur at least once as a tag that does not
    # touch the start or the end of its line.
    keep = set()
    for t in res:
        if t in manual:
            keep.add(t); continue
        tag = re.compile(r"[(\[]\s*%s\s*[)\]]" % re.escape(t))
        if any(m.start() > 0 and m.end() < len(line) for line in wiki_lines for m in tag.finditer(line)):
            keep.add(t)
    return keep

dis = candidates(d1, d2)
drg = candidates(g1, g2) - dis
print("# Derived from SwedMedNER (Simon Almgren, Sean Pavlov, Olof Mogren, BioTxtM 2016),")
print("# https://github.com/olofmogren/biomedical-ner-data-swedish @ 63894ac3ecc16d0416eb3217717a847cf511f477.")
print("# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Changes: terms extracted from")
print("# the ( ) and [ ] annotations, lower-cased, filtered (see swedmedner/README.md). Not part of the project licence.")
print("[diagnos bojning]")
for t in sorted(dis):
    print(t)
print()
print("[lakemedel bojning]")
for t in sorted(drg):
    print(t)
