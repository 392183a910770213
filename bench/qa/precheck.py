"""QA sampler over archive documents outside gold-archive: N random named assignee records (agency, role, clause) of non-gold archive documents: read them for precision.

Usage: python bench/qa/precheck.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import sys, random
sys.path.insert(0, sys.argv[1])
from sample import non_gold_archive
from phoihop.ingest.pipeline import extract_path
files = non_gold_archive(int(sys.argv[2]))
recs = []
for f in files[:400]:
    ex = extract_path(f)
    for o in ex.obligations:
        for a in o.assignees:
            if not a.generic:
                recs.append((f.split('/')[-1][:16], ex.kind, a.agency, a.role, ' '.join(o.text.split())[:200]))
random.shuffle(recs)
for r in recs[:int(sys.argv[3])]:
    print(f"{r[0]} {r[1]} | {r[3]:7s} {r[2]} | {r[4]}")
