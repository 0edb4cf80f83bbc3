"""Generator 2.39: classes found by round 37's blind review (generator 2.38.0,
tests/bank/data/round37_blind_review.csv), pinned with examples from the round-37 articles, which
became tuning material after that review (tests/bank/articles/h37-*.txt)."""

from __future__ import annotations

BUILT = ("h37-youth-day-tips", "hefei-police-antifraud-tips-2024")


def test_a_tips_sections_heading_is_no_scam(built):
    """三、遇到网络欺凌，勇敢说不 / 二、游戏充值须谨慎，“免费领皮肤”是陷阱 / 四、用好“未成年人模式”:
    a section that gives advice is not asked as 遇到“…”类骗局时 (whose words gave the key away)."""
    _d, bank = built["h37-youth-day-tips"]
    assert not [q for q in bank.bank["questions"] if "类骗局时" in q["stem"]]


def test_a_heading_that_names_a_scam_still_frames_its_items(built):
    """二、冒充熟人、领导借钱 is the name of a scam: its items are asked under it."""
    _d, bank = built["hefei-police-antifraud-tips-2024"]
    assert [q for q in bank.bank["questions"] if "遇到“冒充熟人、领导借钱”类骗局时" in q["stem"]]
