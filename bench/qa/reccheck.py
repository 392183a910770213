"""QA sampler over archive documents outside gold-archive: Nơi nhận blocks beside the copied recipients found.

Usage: python bench/qa/reccheck.py TREE SEED [...]  (TREE = checkout whose extractor is used).
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
