"""``queries.nearest``: the names suggested when a typed name matches nothing."""
from phoihop.queries.nearest import nearest

NAMES = ["so y te thanh pho ha noi", "so y te tinh nghe an", "so tai chinh thanh pho ha noi",
         "cong an thanh pho ha noi", "uy ban nhan dan quan dong da"]


def test_a_name_with_typing_errors_gets_the_meant_name_first():
    assert nearest("so y te thanh pho ha nol", NAMES)[0] == "so y te thanh pho ha noi"
    assert nearest("uy ban nhan dan quan dogn da", NAMES)[0] == "uy ban nhan dan quan dong da"


def test_at_most_n_and_nothing_below_the_cutoff():
    assert len(nearest("so y te", NAMES, n=2, cutoff=0.0)) == 2
    assert nearest("hoi dong thi dua khen thuong", NAMES, cutoff=0.8) == []


def test_best_first():
    got = nearest("so y te tinh nghe an", NAMES, n=3, cutoff=0.3)
    assert got[0] == "so y te tinh nghe an" and got[1] == "so y te thanh pho ha noi"
