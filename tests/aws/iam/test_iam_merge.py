"""The indexed statement merge gives exactly what the CDK's pairwise algorithm gives."""

from __future__ import annotations

import random
from typing import Any

from cdk_events.aws import iam
from cdk_events.aws.iam._merge import _combine, _condition_string, _principal_key, merge_statements


def _mergeable(a: iam.PolicyStatement, b: iam.PolicyStatement) -> bool:
    if a.effect != b.effect or a.sid or b.sid:
        return False
    if _condition_string(a.conditions) != _condition_string(b.conditions):
        return False
    equal = (
        (set(a.actions) == set(b.actions))
        + (set(a.resources) == set(b.resources))
        + (_principal_key(a.principals) == _principal_key(b.principals))
    )
    return equal >= 2


def pairwise(statements: list[iam.PolicyStatement]) -> list[iam.PolicyStatement]:
    """A direct port of the CDK's mergeStatements loop (O(n^2) per pass)."""
    items = list(statements)
    changed = True
    while changed:
        changed = False
        i = 0
        while i < len(items):
            j = i + 1
            while j < len(items):
                if _mergeable(items[i], items[j]):
                    items[i] = _combine(items[i], items[j])
                    del items[j]
                    changed = True
                else:
                    j += 1
            i += 1
    return items


def test_indexed_merge_equals_pairwise_on_random_policies() -> None:
    rng = random.Random(7)
    principals = [
        iam.ServicePrincipal("events.amazonaws.com"),
        iam.AnyPrincipal(),
        iam.ArnPrincipal("arn:aws:iam::123456789012:role/r"),
    ]
    for _ in range(120):
        statements: list[iam.PolicyStatement] = []
        for _ in range(rng.randint(1, 25)):
            kwargs: dict[str, Any] = {
                "actions": rng.sample(["a:A", "a:B", "b:C", "c:D"], rng.randint(1, 2)),
                "resources": rng.sample(["r1", "r2", "r3", "r4", "*"], rng.randint(1, 2)),
            }
            if rng.random() < 0.5:
                kwargs["principals"] = rng.sample(principals, rng.randint(1, 2))
            if rng.random() < 0.2:
                kwargs["conditions"] = {"StringEquals": {"k": rng.choice(["x", "y"])}}
            if rng.random() < 0.1:
                kwargs["sid"] = "S"
            statements.append(iam.PolicyStatement(**kwargs))
        expected = [s.to_statement_json() for s in pairwise(statements)]
        assert [s.to_statement_json() for s in merge_statements(statements)] == expected
