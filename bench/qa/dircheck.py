"""QA sampler over archive documents outside gold-archive: Directives (number, type, date, issuer) of official documents.

Usage: python bench/qa/dircheck.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import os
SHARED = os.environ.get("PHOIHOP_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))
import sys, glob, random, re
sys.path.insert(0, sys.argv[1])
from ingest.pipeline import extract_path
gold = {p.split('/')[-1][:-5] for p in glob.glob(SHARED + '/gold-archive/*.json')}
files = [f for f in sorted(glob.glob(SHARED + '/corpus/archive/*.md')) if f.split('/')[-1][:-3] not in gold]
random.seed(int(sys.argv[2])); random.shuffle(files)
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
