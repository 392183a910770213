"""QA sampler over archive documents outside gold-archive: Obligations with a support but no lead.

Usage: python bench/qa/nolead.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import sys
sys.path.insert(0, sys.argv[1])
from sample import non_gold_archive
from phoihop.ingest.pipeline import extract_path
files = non_gold_archive(int(sys.argv[2]))
shown = 0
for f in files[:600]:
    t = open(f).read()
    if 'phối hợp' not in t: continue
    ex = extract_path(f)
    for o in ex.obligations:
        named = [a for a in o.assignees if not a.generic]
        if any(a.role == 'support' for a in named) and not any(a.role == 'lead' for a in o.assignees):
            print(f.split('/')[-1][:16], ex.kind, '|', ' '.join(o.text.split())[:220])
            print('    ', [(a.agency, a.role) for a in named])
            shown += 1
    if shown > 25: break
