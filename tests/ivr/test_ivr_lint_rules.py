"""Every lint rule, each with a flow that breaks it, pointing at the right line and column."""

from __future__ import annotations

import pytest
from ivr_helpers import BASE, lint_text

from ivr.findings import RULES


def rules_of(findings) -> set[str]:
    return {f.rule for f in findings}


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_base_flow_is_clean(tmp_path) -> None:
    flow, findings = lint_text(tmp_path, BASE)
    assert flow is not None and findings == []


# (rule, text, the line's marker the finding points at)
CASES = [
    ("parse", BASE.replace('name = "t"', 'name = "t'), 'name = "t'),
    ("schema", BASE.replace('next = "main"', 'next = "main"\npromt = "typo"'), "promt"),
    ("schema", BASE.replace('type = "announce"', 'type = "anounce"'), 'type = "anounce"'),
    ("include", BASE.replace('start = "main"', 'start = "main"\ninclude = ["gone.toml"]'),
     "include"),
    ("unknown-target", BASE.replace('next = "main"', 'next = "nowhere"'), 'next = "nowhere"'),
    ("too-many-options", BASE.replace(
        'options = { "1" = "a", "2" = "agent" }',
        'options = { "1" = "a", "2" = "a", "3" = "a", "4" = "a", "5" = "a", "6" = "agent" }'),
     "[nodes.main]"),
    ("reserved-key", BASE.replace('"2" = "agent"', '"2" = "agent", "9" = "a"'), '"9" = "a"'),
    ("reserved-key", BASE.replace('"2" = "agent"', '"2" = "agent", "0" = "a"'), '"0" = "a"'),
    ("option-gap", BASE.replace('"2" = "agent"', '"3" = "agent"'), "options ="),
    ("unreachable", BASE + '\n[nodes.orphan]\ntype = "hangup"\n', "[nodes.orphan]"),
    ("dead-end", BASE.replace('"2" = "agent"', '"2" = "agent", "3" = "x"') +
     '\n[nodes.x]\ntype = "menu"\nprompt = "一"\noptions = { "1" = "y" }\n'
     '\n[nodes.y]\ntype = "announce"\nprompt = "二"\nnext = "x"\n', "[nodes.x]"),
    ("input-free-loop", BASE.replace('"2" = "agent"', '"2" = "agent", "3" = "p"') +
     '\n[nodes.p]\ntype = "announce"\nprompt = "一"\nnext = "q"\n'
     '\n[nodes.q]\ntype = "jump"\nto = "p"\n', "[nodes.p]"),
    ("emergency-length", BASE.replace('[input]', '[emergency]\nprompt = "' + "停电" * 30 +
                                      '"\n\n[input]'), "停电停电"),
    ("interaction-time", BASE.replace('"1" = "a"', '"1" = "look"') +
     '\n[nodes.look]\ntype = "lookup"\nservice = "s"\ntimeout_s = 15\nnext = "a"\n'
     'on_fail = "agent"\n', "timeout_s = 15"),
    ("interaction-time", BASE.replace('options = {', 'timeout_s = 12\noptions = {'),
     "timeout_s = 12"),
    ("speech-rate", BASE.replace('prompt = "好的。"', 'prompt = "好的。"\nrecording_s = 0.2'),
     'prompt = "好的。"'),
    ("busy-prompt", BASE.replace('busy_prompt = "座席忙，返回自助服务请按星号键。"\n', ""),
     "[nodes.agent]"),
    ("busy-prompt", BASE + "busy_after_s = 45\n", "busy_after_s = 45"),
    ("missing-translation", BASE.replace('start = "main"',
                                         'start = "main"\nlanguages = ["zh", "en"]'),
     'prompt = "好的。"'),
    ("lookup-wait", BASE.replace('"1" = "a"', '"1" = "look"') +
     '\n[nodes.look]\ntype = "lookup"\nservice = "s"\ntimeout_s = 5\nwait_after_s = 6\n'
     'next = "a"\non_fail = "agent"\n', "wait_after_s = 6"),
]


@pytest.mark.parametrize(("rule", "text", "marker"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_has_a_failing_example(tmp_path, rule, text, marker) -> None:
    _, findings = lint_text(tmp_path, text)
    hits = [f for f in findings if f.rule == rule]
    assert hits, [str(f) for f in findings]
    assert line_of(text, marker) in {f.where.line for f in hits}, [str(f) for f in hits]
    assert all(f.where.file == "flow.toml" and f.fix and f.message for f in hits)


def test_every_rule_has_a_failing_example() -> None:
    covered = {c[0] for c in CASES} | {"duplicate-node"}  # duplicate-node: the include test
    assert covered == set(RULES)


def test_a_finding_points_at_the_column_of_the_key(tmp_path) -> None:
    text = BASE.replace('"2" = "agent"', '"2" = "agent", "9" = "a"')
    _, findings = lint_text(tmp_path, text)
    (hit,) = [f for f in findings if f.rule == "reserved-key"]
    line = text.splitlines()[hit.where.line - 1]
    assert line[hit.where.column - 1:].startswith('"9"')
    assert str(hit).startswith(f"flow.toml:{hit.where.line}:{hit.where.column}: error "
                               "[reserved-key]")


def test_zero_counts_as_an_option(tmp_path) -> None:
    five = 'options = { "1" = "a", "2" = "a", "3" = "a", "4" = "a", "5" = "agent" }'
    _, findings = lint_text(tmp_path, BASE.replace('options = { "1" = "a", "2" = "agent" }',
                                                   five))
    assert "too-many-options" not in rules_of(findings)
    _, findings = lint_text(tmp_path, BASE.replace(
        'options = { "1" = "a", "2" = "agent" }', five.replace(" }", ', "6" = "a" }')))
    assert "too-many-options" in rules_of(findings)


def test_zero_may_lead_to_an_agent(tmp_path) -> None:
    _, findings = lint_text(tmp_path, BASE.replace('"2" = "agent"', '"2" = "agent", "0" = "agent"'))
    assert findings == []


def test_a_speech_rate_in_range_is_no_warning(tmp_path) -> None:
    # 9 characters in 3.4 s is 159 a minute
    text = BASE.replace('prompt = "好的。"', 'prompt = "您的请求已受理，好的"\nrecording_s = 3.4')
    _, findings = lint_text(tmp_path, text)
    assert findings == []


def test_english_prompts_are_timed_in_words(tmp_path) -> None:
    text = BASE.replace('prompt = "好的。"',
                        'prompt = { zh = "好的。", en = "Your request is accepted, please wait." }'
                        '\nrecording_s = { en = 2.6 }')
    _, findings = lint_text(tmp_path, text)
    assert findings == []  # 6 words in 2.6 s: 138 a minute
    _, findings = lint_text(tmp_path, text.replace("2.6", "1.0"))
    assert [f.rule for f in findings] == ["speech-rate"]
    assert "360 a minute (en)" in findings[0].message


def test_includes_share_sub_menus_and_refuse_duplicates_and_cycles(tmp_path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "help.toml").write_text(
        'spec = "1.0"\nname = "shared"\n\n[nodes.goodbye]\ntype = "hangup"\n', encoding="utf-8")
    text = BASE.replace('start = "main"', 'start = "main"\ninclude = ["shared/help.toml"]')
    text = text.replace('"2" = "agent"', '"2" = "agent", "3" = "goodbye"')
    flow, findings = lint_text(tmp_path, text)
    assert findings == [] and "goodbye" in flow.nodes
    assert flow.nodes["goodbye"].where.file == "shared/help.toml"

    _, findings = lint_text(tmp_path, text + '\n[nodes.goodbye]\ntype = "hangup"\n')
    (dup,) = [f for f in findings if f.rule == "duplicate-node"]
    assert "already defined at shared/help.toml:4" in dup.message

    (tmp_path / "shared" / "help.toml").write_text(
        'spec = "1.0"\nname = "shared"\ninclude = ["../flow.toml"]\n', encoding="utf-8")
    _, findings = lint_text(tmp_path, text)
    assert any(f.rule == "include" and "includes itself" in f.message for f in findings)


def test_a_garbage_file_is_findings_not_a_traceback(tmp_path) -> None:
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe\x00garbage")
    flow, findings = lint_text(tmp_path, "nodes = 3\nspec = 2\n")
    assert flow is not None and {f.rule for f in findings} == {"schema"}
    from ivr.lint import lint_file
    flow, findings = lint_file(tmp_path / "bin.toml", "bin.toml")
    assert flow is None and findings[0].rule == "parse"
