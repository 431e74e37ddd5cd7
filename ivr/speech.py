"""How long a prompt takes to read out, from its text (S1: 150–180 Chinese characters a minute).

Chinese is counted in characters (each ideograph, each digit read out one by one, each Latin
word as one); other languages in words (each digit one word). Punctuation is silent.
"""

from __future__ import annotations

import re

#: characters a minute for Chinese prompts (S1 IVR rules)
ZH_RATE = (150.0, 180.0)
#: words a minute for English (and other space-separated) prompts: clear, unhurried IVR speech
WORD_RATE = (130.0, 160.0)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}")
#: a read-out figure ({balance}) is counted as this many characters / words
PLACEHOLDER_UNITS = 4


def is_chinese(language: str) -> bool:
    return language.lower().startswith(("zh", "yue", "wuu"))


def units(text: str, language: str) -> int:
    """Characters (Chinese) or words (others) the text is read as."""
    placeholders = len(_PLACEHOLDER.findall(text)) * PLACEHOLDER_UNITS
    text = _PLACEHOLDER.sub(" ", text)
    if is_chinese(language):
        return (len(_CJK.findall(text)) + len(_DIGIT.findall(text))
                + len(_LATIN_WORD.findall(text)) + placeholders)
    return len(_LATIN_WORD.findall(text)) + len(_DIGIT.findall(text)) + placeholders


def rate_range(language: str) -> tuple[float, float]:
    return ZH_RATE if is_chinese(language) else WORD_RATE


def reading_seconds(text: str, language: str, *, slowest: bool = True) -> float:
    """Seconds to read ``text``; at the slowest allowed rate unless ``slowest`` is False."""
    low, high = rate_range(language)
    return units(text, language) * 60.0 / (low if slowest else high)


def rate_of(text: str, language: str, recording_s: float) -> float:
    """The speech rate (units a minute) a recording of this length implies."""
    return units(text, language) * 60.0 / recording_s
