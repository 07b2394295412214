"""The kept copy of every removal survives, whatever kinds are removed (issue #11, item 13).

A near duplicate's kept copy can itself be a fragment of a longer paragraph,
and an exact copy's kept copy can be a near duplicate of an earlier one.
Removing both would delete every copy of the text but the container; instead
each removal names the copy that stays, through the removed one.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.dedup import find_duplicates, remove_duplicates_and_explain
from seedclean.dedup.remove import removals
from seedclean.edits import apply_edits

ALL = {"dedup-exact", "dedup-near", "dedup-fragment"}


def _ocr_noise(text: str) -> str:
    """Half-width punctuation and one misread character: a near copy."""
    noisy = text.replace("，", ",").replace("。", ".")
    return noisy[:10] + "的" + noisy[11:]


def _container(seeds: dict[str, str]) -> str:
    return max(seeds["001"].split("\n"), key=len)  # the longest paragraph of a real page


def test_near_copy_of_a_removed_fragment_points_at_the_container(seeds) -> None:
    container = _container(seeds)
    fragment = container[: len(container) // 2]
    near = _ocr_noise(fragment)
    text = f"{container}\n\n{fragment}\n\n{near}\n"
    report = find_duplicates([("t", text)])
    kinds = {(c.kind, c.members[0].start) for c in report.clusters}
    assert ("near", text.index(fragment, 1)) in kinds  # the near copy's kept copy: the fragment
    out = remove_duplicates_and_explain(text, rules=ALL)
    assert out.text == f"{container}\n"
    assert [e.rule for e in out.edits] == ["dedup-fragment", "dedup-near"]
    near_edit = out.edits[1]
    assert near_edit.ref == 0  # the container, which stays
    assert near_edit.note.startswith("same as line 3, itself removed as a copy of line 1")
    assert ", but for " in near_edit.note.partition(": ")[0]  # the noise it forgave
    assert apply_edits(text, out.edits) == out.text


def _pages(seeds: dict[str, str]) -> st.SearchStrategy[str]:
    container = _container(seeds)
    half = container[: len(container) // 2]
    other = max(seeds["003"].split("\n"), key=len)
    pool = [container, half, _ocr_noise(half), other, _ocr_noise(other), other[:40]]
    return st.lists(st.sampled_from(pool), min_size=1, max_size=7).map("\n\n".join)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), kinds=st.sets(st.sampled_from(["exact", "near", "fragment"]), min_size=1))
def test_no_removal_keeps_a_removed_copy(seeds, data, kinds) -> None:
    text = data.draw(_pages(seeds))
    report = find_duplicates([("t", text)])
    removed = removals(report, kinds)
    for removal in removed.values():
        assert (removal.kept.path, removal.kept.start) not in removed
