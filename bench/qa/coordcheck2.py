"""QA sampler over archive documents outside gold-archive: 'phối hợp với X' clauses where X got no support role.

Usage: python bench/qa/coordcheck2.py TREE SEED [...]  (TREE = checkout whose extractor is used).
Finding general rules on documents no gold covers keeps the held-out half of gold-archive honest."""
import sys, re
sys.path.insert(0, sys.argv[1])
from sample import non_gold_archive
from phoihop.ingest import explain
from phoihop.ingest.pipeline import extract_path
files = non_gold_archive(int(sys.argv[2]))
shown = 0; seen_docs=0
for f in files:
    t = open(f).read()
    if 'phối hợp' not in t or 'Số:' not in t[:3000]: continue
    seen_docs+=1
    with explain.tracing() as ev:
        ex = extract_path(f)
    T = ex.text
    for kind, d in ev:
        if kind != 'clause': continue
        cs, ce = d['span']; r = d.get('roles')
        if r is None: continue
        sup = {m.start for m in r.supports}
        for mm in re.finditer(r'phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+', T[cs:ce]):
            p = cs + mm.end()
            hit = [m for m in d['mentions'] if not m.generic and p <= m.start <= p + 6]
            if hit and hit[0].start not in sup:
                print(f.split('/')[-1][:16], '|', ' '.join(T[max(cs,p-120):min(ce,p+120)].split()))
                print('    body:', hit[0].agency.name, '| leads:', [m.agency.name for m in r.leads], '| supports:', [m.agency.name for m in r.supports], '|', d['outcome'][:70])
                shown += 1
    if shown > 20: break
print('docs', seen_docs)
