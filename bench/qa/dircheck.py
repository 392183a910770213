"""QA sampler over archive documents outside gold-archive: Directives (number, type, date, issuer) of official documents.

Usage: python bench/qa/dircheck.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import sys, re
sys.path.insert(0, sys.argv[1])
from sample import non_gold_archive
from phoihop.ingest.pipeline import extract_path
files = non_gold_archive(int(sys.argv[2]))
n = 0
for f in files:
    t = open(f).read()
    if not re.search(r"Số[:\s]", t[:6000]): continue
    ex = extract_path(f)
    m = re.search(r"Số hiệu:\**\s*\|?\s*\n?\|?\s*([^\n|]+)", t)
    lib = m.group(1).strip() if m else '-'
    ds = [(d.number, d.type, d.date, (d.issuer or '')[:45]) for d in ex.directives][:3]
    print(f.split('/')[-1][:16], ex.kind, '| lib:', lib[:25], '|', ds)
    n += 1
    if n >= int(sys.argv[3]): break
