"""JavaScript's semantics that the CDK's output and messages depend on, in one place: number text,
property order and string collation (used by the JSON writer, the resolver, tags and assertions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_MAX_SAFE = 2**53
_MAX_INDEX = 2**32 - 2


def number_to_string(value: float | int) -> str:
    """A number as JavaScript's `String(number)` / `Number.prototype.toString` writes it (`1e+21`,
    `1e-7`, `0.000001`, `1` for `1.0`, `0` for `-0`, integers past 2**53 as the nearest double, `NaN`,
    `Infinity`)."""
    if isinstance(value, int):
        if -_MAX_SAFE <= value <= _MAX_SAFE:
            return str(value)
        value = float(value)
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    text = repr(value)
    sign = ""
    if text[0] == "-":
        sign, text = "-", text[1:]
    mantissa, _, exp_text = text.partition("e")
    exponent = int(exp_text) if exp_text else 0
    whole, _, frac = mantissa.partition(".")
    if frac == "0":
        frac = ""
    digits = (whole + frac).lstrip("0")
    # position of the decimal point relative to the start of `digits`
    point = len(whole) + exponent - (len(whole + frac) - len((whole + frac).lstrip("0")))
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= point <= 21:
        return sign + digits + "0" * (point - k)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * (-point) + digits
    exp = point - 1
    exp_str = ("+" if exp >= 0 else "-") + str(abs(exp))
    if k == 1:
        return sign + digits + "e" + exp_str
    return sign + digits[0] + "." + digits[1:] + "e" + exp_str


def js_number(value: float | int) -> str:
    """A number as `JSON.stringify` writes it: `number_to_string`, except `null` for NaN and the infinities."""
    if type(value) is int and -_MAX_SAFE <= value <= _MAX_SAFE:
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return "null"
    return number_to_string(value)


def is_index_key(key: str) -> bool:
    """True for keys JavaScript orders first: canonical array indices ("0", "17", not "01")."""
    if not key.isdigit() or not key.isascii():
        return False
    return (key == "0" or key[0] != "0") and int(key) <= _MAX_INDEX


def js_items(obj: dict[str, Any]) -> list[tuple[str, Any]]:
    """The members of a dict in JavaScript's property order."""
    items = list(obj.items())
    if any(k[:1].isdigit() for k, _ in items):
        index = [(k, v) for k, v in items if is_index_key(k)]
        if index:
            index.sort(key=lambda kv: int(kv[0]))
            items = index + [(k, v) for k, v in items if not is_index_key(k)]
    return items


def js_keys(obj: Mapping[str, Any]) -> list[str]:
    """`Object.keys` order: integer-like keys ascending first, then the others in insertion order."""
    keys = [str(k) for k in obj]
    index_keys = sorted((k for k in keys if is_index_key(k)), key=int)
    return index_keys + [k for k in keys if not is_index_key(k)]


# ICU's root collation order of the printable ASCII characters that are not letters (whitespace,
# punctuation, symbols, digits); letters come after them, `a` < `A` < `b` < `B` ...
_COLLATION_ORDER = "\t\n\x0b\x0c\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789"
_COLLATION_RANK = {char: rank for rank, char in enumerate(_COLLATION_ORDER)}
_LETTER_BASE = len(_COLLATION_ORDER)


def locale_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A sort key that orders strings as JavaScript's `a.localeCompare(b)` does (ICU root
    collation: punctuation before digits before letters, case ignored unless it is the only
    difference, then lower case first). Exact for ASCII; other characters by code point."""
    primary: list[int] = []
    tertiary: list[int] = []
    for char in text:
        rank = _COLLATION_RANK.get(char)
        if rank is None:
            lower = char.lower()
            rank = _LETTER_BASE + ord(lower) - ord("a") if "a" <= lower <= "z" else _LETTER_BASE + 26 + ord(lower)
        primary.append(rank)
        tertiary.append(1 if char != char.lower() else 0)
    return tuple(primary), tuple(tertiary)
