"""What every QA sampler starts from: the archive documents that gold-archive does not cover,
in a random order fixed by a seed (so that a finding can be shown again)."""
from __future__ import annotations

import glob
import os
import random

SHARED = os.environ.get("PHOIHOP_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))


def non_gold_archive(seed: int) -> list[str]:
    """Paths of ``corpus/archive/*.md`` outside ``gold-archive``, shuffled by ``seed``."""
    gold = {p.split('/')[-1][:-5] for p in glob.glob(SHARED + '/gold-archive/*.json')}
    files = [f for f in sorted(glob.glob(SHARED + '/corpus/archive/*.md')) if f.split('/')[-1][:-3] not in gold]
    random.seed(seed)
    random.shuffle(files)
    return files
