"""QA sampler over archive documents outside gold-archive: Nơi nhận blocks beside the copied recipients found.

Usage: python bench/qa/reccheck.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import sys, re
sys.path.insert(0, sys.argv[1])
from sample import non_gold_archive
from phoihop.ingest.pipeline import extract_path
files = non_gold_archive(int(sys.argv[2]))
n = 0
for f in files:
    t = open(f).read()
    m = re.search(r"N[ơo]i nh[ậa]n:?\**\s*:?", t)
    if not m or 'Số:' not in t[:3000]: continue
    ex = extract_path(f)
    block = t[m.start():m.start()+600]
    end = re.search(r"\n\s*[-*]?\s*L[ưu]u\b[^\n]*", block)
    block = block[:end.end()] if end else block[:400]
    print('=====', f.split('/')[-1][:16])
    print(re.sub(r"\n+", " / ", block.strip())[:500])
    print('  ->', [r.agency for r in ex.recipients if r.kind == 'copied'])
    n += 1
    if n >= int(sys.argv[3]): break
