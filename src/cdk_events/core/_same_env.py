"""Whether two accounts (or two regions) are the same: the one predicate every cross-environment
decision uses (the CDK's `sameEnvDimension`)."""

from __future__ import annotations

from ._token_public import Token, TokenComparison


def same_env_dimension(a: str, b: str, *, one_unresolved: bool = False) -> bool:
    """True when `a` and `b` name the same account (or region).

    The truth table of `Token.compare_strings(a, b)`:

    | comparison       | result |
    |------------------|--------|
    | SAME             | True   |
    | BOTH_UNRESOLVED  | True (both are "the current account/region" of their stacks) |
    | ONE_UNRESOLVED   | `one_unresolved` (default False) |
    | DIFFERENT        | False  |

    The CDK counts one unresolved side as the same environment where a stricter answer would refuse an
    app that may well be right (a rule deciding whether a target is in another environment, the
    targets' dead-letter-queue checks), and as a different one where it decides what to create for a
    pair it already knows is cross-environment (the events role of a cross-region bus target).
    """
    comparison = Token.compare_strings(a, b)
    if comparison is TokenComparison.ONE_UNRESOLVED:
        return one_unresolved
    return comparison is TokenComparison.SAME or comparison is TokenComparison.BOTH_UNRESOLVED
