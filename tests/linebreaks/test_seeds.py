"""Every seam named in issue 3 is repaired on the seed pages, and every block that must stay stays.

The seeds are raw OCR output (half-width punctuation in 001/002), so these tests
also show that ``repair_breaks`` works without normalization.
"""

from __future__ import annotations

import pytest

from seedclean.edits import apply_edits
from seedclean.linebreaks import repair_breaks, repair_breaks_and_explain
from tests.linebreaks.helpers import HAN, index_of, paragraphs


@pytest.fixture(scope="module")
def out(seeds: dict[str, str]) -> dict[str, str]:
    return {name: repair_breaks(text) for name, text in seeds.items()}


@pytest.mark.parametrize(
    ("seed", "joined"),
    [
        ("000", "支持滨海湾新区建设等一系列措施"),
        # a short first piece ending inside a word (党‖员): the dictionary word decides
        ("001", "第七检察部党支部在党员队伍中倡导开展"),
        ("000", "推动完成劳动者身份信息核对"),
        ("000", "向群众宣传未成年人保护法、反家庭暴力法"),
        ("000", "为丰富“守望青禾”品牌的内涵"),
        ("000", "起诉书中，识别"),
        ("000", "履职的内生动力。"),
        ("000", "青年干警参加业务竞赛"),
        ("000", "“悦读社”作用，以优秀检察文化"),
        ("002", "“我一定督促小强好好学习"),
        ("002", "分别是:违反治安处罚的139人"),
        ("002", "包头市检察院以“益鹿同行”公益诉讼检察品牌"),
        ("003", "营造浓郁的学习氛围"),
        ("003", "“个案办理、类案监督、系统治理”"),
        ("004", "”该党支部书记刘芹介绍"),
    ],
)
def test_split_sentences_are_joined(out: dict[str, str], seed: str, joined: str) -> None:
    assert joined in out[seed]


def test_seam_repeats_are_dropped(out: dict[str, str]) -> None:
    assert "主义思想主义思想" not in out["000"]
    assert "社会主义思想主题教育，持续汲取" in out["000"]
    assert "作用。用。" not in out["002"]
    assert "发挥了积极作用。先锋队的党员干警" in out["002"]


def test_dated_caption_moves_after_its_paragraph(out: dict[str, str]) -> None:
    paras = paragraphs(out["000"])
    body = index_of(paras, "青年干警参加业务竞赛")
    caption = index_of(paras, "2023年6月27日，广东省东莞市第一市区检察院开展检察官巡河活动")
    assert caption == body + 1
    assert (
        paras[caption]
        == "2023年6月27日，广东省东莞市第一市区检察院开展检察官巡河活动，守护流域生态环境。"
    )
    assert paras[body].endswith("为青年干警高质效办案提供实践动能。")


def test_arrow_captions_follow_the_paragraph_in_order(out: dict[str, str]) -> None:
    paras = paragraphs(out["002"])
    body = index_of(paras, "包头市检察院以“益鹿同行”")
    assert paras[body + 1].startswith("►2024年10月")
    assert paras[body + 2].startswith("◀2024年3月")
    assert paras[body + 3] == "协作机制助推“减假暂”案件质效办理"


def test_heading_and_byline_inside_a_cut_move_together(out: dict[str, str]) -> None:
    paras = paragraphs(out["003"])
    body = index_of(paras, "由四对基")
    # The seed has 基 on both sides of the cut (a one-character repeat read
    # again at the top of the next column); a heading and a byline sit in the
    # seam and 基 does not double in Chinese, so the copy is dropped.
    assert "由四对基层院分别签订结对共建协议" in paras[body]
    assert "基基" not in out["003"]
    assert paras[body + 1] == "## 结对共建促提升 聚力发展谋新篇"
    assert paras[body + 2] == "浙江省温州市检察院党组成员、政治部主任 张虹"
    second = index_of(paras, "研讨等活动,营造浓郁的学习氛围")
    assert paras[second + 1] == "## “映象·晋检”激活一池春水"
    assert paras[second + 2] == "福建省福州市晋安区检察院党组成员、政治部主任 危茹"


@pytest.mark.parametrize(
    ("seed", "block"),
    [
        ("000", "# 地方视窗"),
        ("000", "### 推动主题教育见行见效"),
        ("000", "2023年11月30日，东莞市检察院召开公益诉讼检察工作新闻发布会。"),
        ("000", "2024年1月，广东省东莞市第三市区检察院开展未成年人保护法普法宣传。"),
        ("000", "(形象展示 广告宣传)"),
        ("001", "坚持理念融合,推动案件办理与政治要求相一致"),
        ("001", "党建引领焕发活力 融合赋能提升质效"),
        ("001", "□本报记者 韦磊 通讯员 王磊"),
        ("001", "广东省检察院党组书记、检察长 冯键"),
        ("001", "图1:广东省检察院第七检察部组织公开听证推进行政争议实质性化解。"),
        ("001", "万宁市检察院党组持续开展“四下基层”"),
        ("001", "检论"),
        ("002", "锁紧“廉政榫卯”"),
        ("002", "淄博市临淄区检察院组织干警参观齐文化廉政教育基地。"),
        ("003", "(上接第五版)"),
        ("003", "江苏省苏州市吴江区检察院党组书记、检察长杜建伟"),
        ("003", "# 借鉴『千万工程』先进经验助力乡村振兴"),
        ("004", "检论"),
        ("004", "本刊记者 刘立新 通讯员 臧志琳 步丰雷"),
        ("004", "抓实“三个管理”保障高质效办案"),
    ],
)
def test_blocks_that_must_stay_stay(
    seeds: dict[str, str], out: dict[str, str], seed: str, block: str
) -> None:
    before = paragraphs(seeds[seed])
    after = paragraphs(out[seed])
    assert before.count(block) == after.count(block) > 0


def test_credit_and_contact_lines_keep_their_line_breaks(out: dict[str, str]) -> None:
    assert "本刊策划 李娜  \n编辑 李君瑞  \n校对 赵鹏" in out["000"]
    assert "联系电话  \n010-86423591  \n电子信箱  \njrcb60@126.com" in out["000"]
    assert "□本报记者 沈静芳\n通讯员 刘梦琪" in out["002"]


def test_standalone_caption_keeps_its_place(out: dict[str, str]) -> None:
    paras = paragraphs(out["000"])
    caption = index_of(paras, "2023年11月30日，东莞市检察院召开")
    assert paras[caption - 1].endswith("让群众真切感受到主题教育带来的新变化。")
    assert paras[caption + 1] == "# 为东莞融入大湾区建设提供检察推动力"


def test_seeds_replay_idempotence_and_no_loss(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        result = repair_breaks_and_explain(text)
        assert apply_edits(text, result.edits) == result.text
        assert repair_breaks(result.text) == result.text
        dropped = "".join(e.old for e in result.edits if e.rule.startswith("seam-overlap"))
        assert len(HAN.findall(result.text)) == len(HAN.findall(text)) - len(HAN.findall(dropped))


def test_seams_are_repaired_inside_clean(seeds: dict[str, str]) -> None:
    """The step also works on normalized text, as it receives it inside ``clean``."""
    from seedclean.pipeline import clean

    page0, page2, page3 = clean(seeds["000"]), clean(seeds["002"]), clean(seeds["003"])
    assert "由四对基层院分别签订" in page3
    assert "支持滨海湾新区建设等一系列措施" in page0
    assert "社会主义思想主题教育" in page0
    assert "主义思想主义思想" not in page0
    assert "青年干警参加业务竞赛" in page0
    assert "发挥了积极作用。先锋队" in page2
    assert "包头市检察院以“益鹿同行”" in page2
