"""Whole documents of our own writing, and the seed scores the project promises."""
from __future__ import annotations

import json
import subprocess
import sys

from phoihop.ingest.extract import extract_text

DISPATCH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1205/UBND-KGVX

Quảng Ngãi, ngày 05 tháng 3 năm 2025

V/v tăng cường phòng, chống dịch sốt xuất huyết

Kính gửi:
- Sở Y tế;
- Sở Giáo dục và Đào tạo;
- UBND các huyện, thị xã, thành phố.

Căn cứ Công văn số 512/BYT-DP ngày 20/02/2025 của Bộ Y tế về việc phòng, chống sốt xuất huyết, UBND tỉnh yêu cầu:

1. Sở Y tế

- Chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức giám sát, phát hiện sớm các ca bệnh; báo cáo UBND tỉnh trước ngày 30/6/2025.

- Chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh chuẩn bị đủ hóa chất, vật tư phòng, chống dịch.

2. UBND các huyện, thị xã, thành phố

- Phối hợp với Sở Y tế tổ chức chiến dịch diệt lăng quăng tại các xã, phường.

Nơi nhận:
- Như trên;
- Bộ Y tế;
- TT Tỉnh ủy, TT HĐND tỉnh;
- Lưu: VT, KGVX.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""

DIGEST = """Đà Nẵng chỉ đạo phòng chống bão số 12
Thực hiện Công điện số 215/CĐ-TTg ngày 10/10/2025 của Thủ tướng Chính phủ, tại văn bản số 4410/UBND-KT ngày 12/10/2025, UBND thành phố Đà Nẵng yêu cầu Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Chỉ huy Quân sự thành phố rà soát phương án sơ tán dân. Giao Công an thành phố bảo đảm an ninh trật tự tại các khu sơ tán.
Trước đó UBND thành phố đã ban hành Quyết định số 2101/QĐ-UBND về kiện toàn Ban Chỉ huy phòng thủ dân sự thành phố.
Bảo đảm vệ sinh môi trường sau bão
Ngày 14/10/2025, UBND thành phố ban hành Kế hoạch số 330/KH-UBND về khắc phục hậu quả bão, giao Sở Xây dựng phối hợp với UBND các quận, huyện thu gom rác thải, báo cáo UBND thành phố.
"""

ENCYCLOPEDIA = """Hội An là một thành phố thuộc tỉnh Quảng Nam. Phố cổ Hội An được UNESCO công nhận năm 1999.
Công ty Cổ phần Du lịch Hội An được thành lập năm 1990 và là doanh nghiệp lớn của phố cổ.
Vũ Văn Khiên sinh năm 1924 tại Hà Đông, từng học ở trường làng.
"""


def roles(ex, directive=None):
    return {(a.agency, a.role) for o in ex.obligations for a in o.assignees
            if not a.generic and (directive is None or o.directive == directive)}


def test_official_dispatch_end_to_end():
    ex = extract_text(DISPATCH, "qn.txt")
    assert [(d.number, d.type, d.date, d.issuer) for d in ex.directives] == [
        ("1205/UBND-KGVX", "Công văn", "2025-03-05", "Ủy ban nhân dân tỉnh Quảng Ngãi")]
    assert "sốt xuất huyết" in ex.directives[0].subject
    got = roles(ex)
    assert ("Sở Y tế tỉnh Quảng Ngãi", "lead") in got
    assert ("Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi", "support") in got
    assert ("Trung tâm Kiểm soát bệnh tật tỉnh Quảng Ngãi", "lead") in got        # "Chỉ đạo X" under a heading
    assert ("Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Quảng Ngãi", "lead") in got
    assert ("Ủy ban nhân dân tỉnh Quảng Ngãi", "lead") not in got                # the issuer gives, not gets
    first = next(o for o in ex.obligations if "giám sát" in o.text)
    assert first.deadline == "2025-06-30"
    assert first.reports_to == ["Ủy ban nhân dân tỉnh Quảng Ngãi"]
    assert first.modality == "yêu cầu"
    for o in ex.obligations:
        assert ex.text[o.span[0]:o.span[1]] == o.text
    assert [(c.to, c.relation, c.to_issuer) for c in ex.citations] == [("512/BYT-DP", "basis", "Bộ Y tế")]
    rec = {(r.agency, r.kind) for r in ex.recipients}
    assert ("Sở Y tế tỉnh Quảng Ngãi", "addressed") in rec
    assert ("Bộ Y tế", "copied") in rec
    assert ("Thường trực Tỉnh ủy Quảng Ngãi", "copied") in rec
    assert ("Thường trực Hội đồng nhân dân tỉnh Quảng Ngãi", "copied") in rec
    assert not any("Lưu" in r.agency or "trên" in r.agency for r in ex.recipients)


def test_news_digest_reports_each_directive_separately():
    ex = extract_text(DIGEST, "dn.txt")
    numbers = [d.number for d in ex.directives]
    assert numbers == ["4410/UBND-KT", "330/KH-UBND"]                          # 2101 is only mentioned
    d = ex.directives[1]
    assert (d.type, d.date, d.issuer) == ("Kế hoạch", "2025-10-14", "Ủy ban nhân dân thành phố Đà Nẵng")
    assert ("Sở Nông nghiệp và Môi trường thành phố Đà Nẵng", "lead") in roles(ex, "4410/UBND-KT")
    assert ("Bộ Chỉ huy Quân sự thành phố Đà Nẵng", "support") in roles(ex, "4410/UBND-KT")
    assert ("Công an thành phố Đà Nẵng", "lead") in roles(ex, "4410/UBND-KT")
    assert ("Sở Xây dựng thành phố Đà Nẵng", "lead") in roles(ex, "330/KH-UBND")
    assert ("Ủy ban nhân dân các quận, huyện thành phố Đà Nẵng", "support") in roles(ex, "330/KH-UBND")
    cites = {(c.source, c.to, c.relation) for c in ex.citations}
    assert ("4410/UBND-KT", "215/CĐ-TTg", "implements") in cites
    assert ("4410/UBND-KT", "2101/QĐ-UBND", "mentions") in cites


def test_non_administrative_text_gives_no_obligation():
    ex = extract_text(ENCYCLOPEDIA, "wiki.txt")
    assert ex.obligations == []
    assert not any(a.name.startswith("Vụ") for a in ex.agencies)


def test_seed_scores_hold_the_bar(shared_dir):
    """The accuracy promise of issue 3, measured by the project's scorer on the seeds."""
    out = subprocess.run([sys.executable, "bench/seed_scores.py", "--shared", str(shared_dir), "--json", "--no-speed"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    m = json.loads(out.stdout)["seeds"]
    assert m["assignments"]["f1"] >= 0.85
    assert m["coordination"]["f1"] >= 0.75
    assert m["directives"]["f1"] >= 0.95
    assert m["citations"]["f1"] >= 0.80
    assert m["recipients"]["f1"] >= 0.80
    spans = json.loads(out.stdout)["spans"]
    assert spans["span_exact"] == spans["obligations"]
