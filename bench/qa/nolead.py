"""QA sampler over archive documents outside gold-archive: Obligations with a support but no lead.

Usage: python bench/qa/nolead.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import os
SHARED = os.environ.get("PHOIHOP_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))
import sys, glob, random
sys.path.insert(0, sys.argv[1])
from ingest import explain
from ingest.pipeline import extract_path
gold = {p.split('/')[-1][:-5] for p in glob.glob(SHARED + '/gold-archive/*.json')}
files = [f for f in sorted(glob.glob(SHARED + '/corpus/archive/*.md')) if f.split('/')[-1][:-3] not in gold]
random.seed(int(sys.argv[2])); random.shuffle(files)
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
