"""Data: which differences between two copies of a paragraph are OCR noise (tables only).

:mod:`.meaning` reads these tables to decide whether two near-identical
paragraphs say the same thing.  Keep every table small and visual: an entry
here lets ``dedup-near`` *remove* a paragraph that differs from its kept copy
by that pair, so a pair of characters that only sound alike, or that are
related in meaning (``市``/``省``, ``高``/``低``, ``今``/``去``), must never
be listed.

* :data:`HAN_LOOKALIKES`: groups of Han characters that scans read as one
  another (shape look-alikes); any two members of a group are a misread.
* :data:`SPLIT_GLYPHS`: one Han character read as two pieces (``明`` /
  ``日月``), or two pieces merged into one.
* :data:`LATIN_LOOKALIKES`: Latin letters and digits read as one another
  (``O``/``0``, ``l``/``1``); comparison keys are case-folded, so lower case.
* :data:`NEGATIONS`: characters that reverse a statement.  Inserting or
  deleting one (``同意``/``不同意``) is never noise.
"""

from __future__ import annotations

__all__ = ["HAN_LOOKALIKES", "LATIN_LOOKALIKES", "NEGATIONS", "SPLIT_GLYPHS"]

HAN_LOOKALIKES = (
    "己已巳 未末 土士 日曰 人入八 大太犬丈 天夭夫 千干于午 刀力刃 田由甲申电 王玉主壬"
    " 贝见 木本术禾 今令 戊戌戍戎 拨拔 侯候 辨辩辫 析折 免兔 鸟乌 母毋 瓜爪 汨汩 炙灸"
    " 赢羸嬴 准淮 历厉 仑仓 冶治 即既 杨扬 设没 话活 崇祟 徒徙 茶荼 晴睛 沐沭 宫官"
    " 往住 问间 休体 白自 刺剌 幻幼 儿几 衣农 广厂 开升 壁璧 锻缎 峰锋蜂 密蜜 候堠"
    " 陈阵 钓钩 己乙 处外 真直 哀衰衷 拆折 浙淅 盲肓 宣宜 姐妲 书韦 为办 门们 问向"
    " 径经 查査 情倩 合台 特持 围国"
)

SPLIT_GLYPHS = (
    "明:日月 好:女子 林:木木 朋:月月 吕:口口 加:力口 叶:口十 时:日寸 地:土也 他:亻也"
    " 什:亻十 功:工力 扣:扌口 砂:石少 汉:氵又 江:氵工 和:禾口 利:禾刂 则:贝刂 到:至刂"
    " 小:亅八 八:丿乀 引:弓丨 训:讠川 明:目月"
)

LATIN_LOOKALIKES = "o0 l1i"

NEGATIONS = "不非未没无否别勿莫毋"
