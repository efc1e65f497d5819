"""Assertions on synthesized CloudFormation, with the API of ``aws_cdk.assertions``.

A unit-test module written for ``aws_cdk.assertions`` runs unchanged after
``from cdk_events.assertions import Template, Match, Capture, Annotations``.
Failed assertions raise ``AssertionError`` with the AWS CDK's message texts.
"""

from typing import TYPE_CHECKING

from ..core._public import lazy_exports

if TYPE_CHECKING:
    from ._annotations import Annotations, MetadataEntry, SynthesisMessage
    from ._capture import Capture
    from ._match import Match
    from ._matcher import MatchCapture, Matcher, MatchFailure, MatchResult
    from ._tags import Tags
    from ._template import Template

__all__ = [
    "Annotations",
    "Capture",
    "Match",
    "MatchCapture",
    "MatchFailure",
    "MatchResult",
    "Matcher",
    "MetadataEntry",
    "SynthesisMessage",
    "Tags",
    "Template",
]

lazy_exports(globals(), {
    "Annotations": "._annotations",
    "MetadataEntry": "._annotations",
    "SynthesisMessage": "._annotations",
    "Capture": "._capture",
    "Match": "._match",
    "MatchCapture": "._matcher",
    "Matcher": "._matcher",
    "MatchFailure": "._matcher",
    "MatchResult": "._matcher",
    "Tags": "._tags",
    "Template": "._template",
})
