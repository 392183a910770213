"""QA sampler over archive documents outside gold-archive: Clauses matching REGEX that name bodies but gave no named role (recall of leads).

Usage: python bench/qa/leadcheck.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import sys, re
sys.path.insert(0, sys.argv[1])
from sample import non_gold_archive
from phoihop.ingest import explain
from phoihop.ingest.pipeline import extract_path
files = non_gold_archive(int(sys.argv[2]))
pat = re.compile(sys.argv[3])
shown = 0
for f in files:
    t = open(f).read()
    if not pat.search(t) or 'Số:' not in t[:3000]: continue
    with explain.tracing() as ev:
        ex = extract_path(f)
    T = ex.text
    for kind, d in ev:
        if kind != 'clause': continue
        cs, ce = d['span']; txt = ' '.join(T[cs:ce].split())
        if not pat.search(txt): continue
        named = [m for m in d['mentions'] if not m.generic]
        if not named: continue
        if d['outcome'].startswith('obligation') and any('generic' not in x for x in [d['outcome']]):
            # obligation with only generic? check names
            if any(m.agency.name in d['outcome'] for m in named): continue
        print(f.split('/')[-1][:16], '|', txt[:230])
        print('    bodies:', [m.agency.name for m in named][:5], '|', d['outcome'][:90])
        shown += 1
    if shown > 25: break
