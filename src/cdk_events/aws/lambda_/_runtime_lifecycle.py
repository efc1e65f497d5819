"""The deprecation calendar of Lambda runtimes, and what the CDK's "CloudFormation Validate" step of
synthesis says about a function on a deprecated runtime: a warning once AWS deprecated it (W2531),
an error once AWS disabled creating functions on it (E2531) or updating them (E2533)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime

# runtime: (deprecated, creation disabled, updates disabled, successor) -- AWS's published calendar
_CALENDAR: dict[str, tuple[str, str | None, str | None, str | None]] = {
    "dotnet10": ("2028-11-14", "2028-12-14", "2029-01-15", None),
    "dotnet6": ("2024-12-20", "2027-02-01", "2027-03-03", "dotnet10"),
    "dotnet8": ("2026-11-10", "2027-02-01", "2027-03-03", "dotnet10"),
    "dotnet9": ("2026-11-10", None, None, "dotnet10"),
    "dotnetcore1.0": ("2019-06-27", "2019-06-30", "2019-07-30", "dotnet10"),
    "dotnetcore2.0": ("2019-05-30", "2019-04-30", "2019-05-30", "dotnet10"),
    "dotnetcore2.1": ("2022-01-05", "2022-01-05", "2022-04-13", "dotnet10"),
    "dotnetcore3.1": ("2023-04-03", "2023-04-03", "2023-05-03", "dotnet10"),
    "go1.x": ("2024-01-08", "2024-02-08", "2027-03-03", "provided.al2023"),
    "java11": ("2027-06-30", "2027-07-31", "2027-08-31", "java25"),
    "java17": ("2027-06-30", "2027-07-31", "2027-08-31", "java25"),
    "java21": ("2029-06-30", "2029-07-31", "2029-08-31", "java25"),
    "java25": ("2029-06-30", "2029-07-31", "2029-08-31", None),
    "java8": ("2024-01-08", "2024-02-08", "2027-03-03", "java25"),
    "java8.al2": ("2027-06-30", "2027-07-31", "2027-08-31", "java25"),
    "nodejs": ("2016-08-30", "2016-09-30", "2016-10-31", "nodejs24.x"),
    "nodejs10.x": ("2021-07-30", "2021-07-30", "2022-02-14", "nodejs24.x"),
    "nodejs12.x": ("2023-03-31", "2023-03-31", "2023-04-30", "nodejs24.x"),
    "nodejs14.x": ("2023-12-04", "2024-01-09", "2027-03-03", "nodejs24.x"),
    "nodejs16.x": ("2024-06-12", "2027-02-01", "2027-03-03", "nodejs24.x"),
    "nodejs18.x": ("2025-09-01", "2027-02-01", "2027-03-03", "nodejs24.x"),
    "nodejs20.x": ("2026-04-30", "2027-02-01", "2027-03-03", "nodejs24.x"),
    "nodejs22.x": ("2027-04-30", "2027-06-01", "2027-07-01", "nodejs24.x"),
    "nodejs24.x": ("2028-04-30", "2028-06-01", "2028-07-01", None),
    "nodejs4.3": ("2020-03-05", "2020-02-03", "2020-03-05", "nodejs24.x"),
    "nodejs6.10": ("2019-08-12", "2019-07-12", "2019-08-12", "nodejs24.x"),
    "nodejs8.10": ("2020-03-06", "2020-02-04", "2020-03-06", "nodejs24.x"),
    "provided": ("2024-01-08", "2024-02-08", "2027-03-03", "provided.al2023"),
    "provided.al2": ("2026-07-31", "2027-02-01", "2027-03-03", "provided.al2023"),
    "provided.al2023": ("2029-06-30", "2029-07-31", "2029-08-31", None),
    "python2.7": ("2021-07-15", "2021-07-15", "2022-05-30", "python3.14"),
    "python3.10": ("2026-10-31", "2027-02-01", "2027-03-03", "python3.14"),
    "python3.11": ("2027-06-30", "2027-07-31", "2027-08-31", "python3.14"),
    "python3.12": ("2028-10-31", "2028-11-30", "2029-01-10", "python3.14"),
    "python3.13": ("2029-06-30", "2029-07-31", "2029-08-31", "python3.14"),
    "python3.14": ("2029-06-30", "2029-07-31", "2029-08-31", None),
    "python3.6": ("2022-07-18", "2022-07-18", "2022-08-29", "python3.14"),
    "python3.7": ("2023-12-04", "2024-01-09", "2027-03-03", "python3.14"),
    "python3.8": ("2024-10-14", "2027-02-01", "2027-03-03", "python3.14"),
    "python3.9": ("2025-12-15", "2027-02-01", "2027-03-03", "python3.14"),
    "ruby2.5": ("2021-07-30", "2021-07-30", "2022-03-31", "ruby4.0"),
    "ruby2.7": ("2023-12-07", "2024-01-09", "2027-03-03", "ruby4.0"),
    "ruby3.2": ("2026-03-31", "2027-02-01", "2027-03-03", "ruby4.0"),
    "ruby3.3": ("2027-03-31", "2027-04-30", "2027-05-31", "ruby4.0"),
    "ruby3.4": ("2028-03-31", "2028-04-30", "2028-05-31", "ruby4.0"),
    "ruby4.0": ("2029-03-31", "2029-04-30", "2029-05-31", None),
}


def runtime_finding(runtime: Any, today: datetime.date | None = None) -> tuple[str, str] | None:
    """`("error" | "warning", message)` for a deprecated runtime name as of `today` (default: today),
    or None. Creation disabled is an error (E2531), and so is updates disabled (E2533); deprecated
    alone is a warning (W2531)."""
    if not isinstance(runtime, str) or runtime not in _CALENDAR:
        return None
    deprecated, create_block, update_block, successor = _CALENDAR[runtime]
    # (today's local date as `datetime.date.today()` gives it, without loading datetime in every app)
    now = today.isoformat() if today is not None else time.strftime("%Y-%m-%d")
    if deprecated > now:
        return None
    parts = [f"Runtime '{runtime}' was deprecated on '{deprecated}'."]
    tense_create = "was" if create_block is not None and create_block <= now else "will be"
    tense_update = "were" if update_block is not None and update_block <= now else "will be"
    if create_block is not None:
        parts.append(f"Creation {tense_create} disabled on '{create_block}'"
                     + (f", and updates {tense_update} disabled on '{update_block}'." if update_block else "."))
    if successor is not None:
        parts.append(f"Please consider updating to '{successor}'")
    message = " ".join(parts)
    if (update_block is not None and update_block <= now) or (create_block is not None and create_block <= now):
        return "error", message
    return "warning", message
