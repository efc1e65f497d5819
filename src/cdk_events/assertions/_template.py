"""``Template``: assertions on a CloudFormation template."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from ._assembly import stack_artifact
from ._cyclic import check_template_for_cyclic_dependencies
from ._match import AbsentMatch, Match
from ._matcher import Matcher
from ._section import (
    SectionMatch,
    filter_logical_id,
    format_all_matches,
    format_all_mismatches,
    format_section_failure,
    match_section,
)

__all__ = ["Template"]

Entries = dict[str, dict[str, Any]]


class Template:
    """Assertions on a synthesized CloudFormation template.

    Build one with :meth:`from_stack`, :meth:`from_json` or :meth:`from_string`. Unless
    ``skip_cyclical_dependencies_check=True``, construction fails on a template whose
    resources depend on each other in a cycle. Failed assertions raise ``AssertionError``
    with the AWS CDK's message text.
    """

    def __init__(
        self, template: Mapping[str, Any], *, skip_cyclical_dependencies_check: bool | None = None
    ) -> None:
        """Wrap a template dict; prefer the ``from_*`` factories."""
        if not isinstance(template, Mapping):
            raise TypeError(f"a template must be a dict, got {type(template).__name__}")
        self._template: dict[str, Any] = dict(template)
        if not skip_cyclical_dependencies_check:
            check_template_for_cyclic_dependencies(self._template)

    @classmethod
    def from_stack(cls, stack: Any, *, skip_cyclical_dependencies_check: bool | None = None) -> Template:
        """The template of ``stack``, synthesizing its App (``app.synth()``, cached).

        ``skip_cyclical_dependencies_check`` (default False) disables the cycle check.
        Raises ``ValueError`` if the stack is not part of an App or Stage.
        """
        template = stack_artifact(stack).template
        return cls(template, skip_cyclical_dependencies_check=skip_cyclical_dependencies_check)

    @classmethod
    def from_json(
        cls, template: Mapping[str, Any], *, skip_cyclical_dependencies_check: bool | None = None
    ) -> Template:
        """A template given as a dict (as parsed from JSON).

        ``skip_cyclical_dependencies_check`` (default False) disables the cycle check.
        """
        return cls(template, skip_cyclical_dependencies_check=skip_cyclical_dependencies_check)

    @classmethod
    def from_string(cls, template: str, *, skip_cyclical_dependencies_check: bool | None = None) -> Template:
        """A template given as JSON text.

        ``skip_cyclical_dependencies_check`` (default False) disables the cycle check.
        """
        return cls(json.loads(template), skip_cyclical_dependencies_check=skip_cyclical_dependencies_check)

    def to_json(self) -> dict[str, Any]:
        """The template as a dict."""
        return self._template

    # -- resources ---------------------------------------------------------------------

    def _resources(self, template: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        section = (self._template if template is None else template).get("Resources")
        return section if isinstance(section, Mapping) else {}

    def _of_type(self, type: str, template: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {
            k: v
            for k, v in self._resources(template).items()
            if isinstance(v, Mapping) and v.get("Type") == type
        }

    def _with_empty_properties(self, props: Any) -> Mapping[str, Any]:
        # Properties-based assertions see a resource without Properties as having {},
        # except for Match.absent(), whose meaning that would change.
        if isinstance(props, AbsentMatch):
            return self._template
        amended = copy.deepcopy(self._template)
        for resource in self._resources(amended).values():
            if isinstance(resource, dict) and "Properties" not in resource:
                resource["Properties"] = {}
        return amended

    def resource_count_is(self, type: str, count: int) -> None:
        """Assert that the template has exactly ``count`` resources of ``type``."""
        found = len(self._of_type(type))
        if found != count:
            raise AssertionError(f"Expected {count} resources of type {type} but found {found}")

    def resource_properties_count_is(self, type: str, props: Any, count: int) -> None:
        """Assert that exactly ``count`` resources of ``type`` have ``Properties`` matching
        ``props`` (partially, via ``Match.object_like()``, unless a matcher is given)."""
        amended = self._with_empty_properties(props)
        result = match_section(self._of_type(type, amended), Match.object_like({"Properties": props}))
        found = len(result.matches)
        if found != count:
            raise AssertionError(f"Expected {count} resources of type {type} but found {found}")

    def has_resource(self, type: str, props: Any) -> None:
        """Assert that a resource of ``type`` matches ``props``, the whole resource definition
        (``Properties``, ``DependsOn``, ``DeletionPolicy``, ...), partially by default."""
        self._assert_resource(self._of_type(type), type, props)

    def has_resource_properties(self, type: str, props: Any) -> None:
        """Assert that a resource of ``type`` has ``Properties`` matching ``props``,
        partially by default (``Match.object_like()``)."""
        amended = self._with_empty_properties(props)
        self._assert_resource(self._of_type(type, amended), type, Match.object_like({"Properties": props}))

    def _assert_resource(self, section: Mapping[str, Any], type: str, props: Any) -> None:
        result = match_section(section, props)
        if not result.match:
            raise AssertionError(format_section_failure(f"resources with type {type}", result))

    def find_resources(self, type: str, props: Any = None) -> Entries:
        """The resources of ``type`` matching ``props`` (default: all), by logical id;
        ``{}`` when none match. A dict pattern is matched with ``Match.object_like()``."""
        result = match_section(self._of_type(type), {} if props is None else props)
        return result.matches

    def get_resource_id(self, type: str, props: Any = None) -> str:
        """The logical id of the only resource of ``type`` matching ``props`` (default: any).

        Fails if no resource or more than one matches.
        """
        result = match_section(self._of_type(type), {} if props is None else props)
        if not result.match:
            raise AssertionError(format_section_failure(f"resources with type {type}", result))
        if len(result.matches) != 1:
            raise AssertionError(
                f"Template has {len(result.matches)} matches, expected only one.\n"
                + format_all_matches(result.matches)
            )
        return next(iter(result.matches))

    def all_resources(self, type: str, props: Any) -> None:
        """Assert that every resource of ``type`` matches ``props`` (the whole definition)."""
        self._assert_all(self._of_type(type), type, props)

    def all_resources_properties(self, type: str, props: Any) -> None:
        """Assert that every resource of ``type`` has ``Properties`` matching ``props``."""
        amended = self._with_empty_properties(props)
        self._assert_all(self._of_type(type, amended), type, Match.object_like({"Properties": props}))

    def _assert_all(self, section: Mapping[str, Any], type: str, props: Any) -> None:
        result = match_section(section, props)
        count = result.analyzed_count
        if not result.match:
            raise AssertionError(
                f"Template has {count} resource(s) with type {type}, but none match as expected.\n"
                + format_all_mismatches(result.analyzed)
            )
        if count > len(result.matches):
            raise AssertionError(
                f"Template has {count} resource(s) with type {type}, "
                f"but only {len(result.matches)} match as expected.\n"
                + format_all_mismatches(result.analyzed, result.matches)
            )

    # -- other sections ----------------------------------------------------------------

    def _match_named(self, section_name: str, logical_id: str, props: Any) -> SectionMatch:
        section = self._template.get(section_name)
        entries = section if isinstance(section, Mapping) else {}
        return match_section(filter_logical_id(entries, logical_id), {} if props is None else props)

    def _assert_named(self, section_name: str, logical_id: str, props: Any, qualifier: str) -> None:
        result = self._match_named(section_name, logical_id, props)
        if not result.match:
            raise AssertionError(format_section_failure(qualifier, result))

    def _find_named(self, section_name: str, logical_id: str, props: Any) -> Entries:
        return self._match_named(section_name, logical_id, props).matches

    def has_parameter(self, logical_id: str, props: Any) -> None:
        """Assert that parameter ``logical_id`` (``'*'``: any parameter) matches ``props``."""
        self._assert_named("Parameters", logical_id, props, f"parameters with logicalId '{logical_id}'")

    def find_parameters(self, logical_id: str, props: Any = None) -> Entries:
        """The parameters named ``logical_id`` (``'*'``: all) matching ``props`` (default: any)."""
        return self._find_named("Parameters", logical_id, props)

    def has_output(self, logical_id: str, props: Any) -> None:
        """Assert that output ``logical_id`` (``'*'``: any output) matches ``props``."""
        self._assert_named("Outputs", logical_id, props, f"outputs named {logical_id}")

    def find_outputs(self, logical_id: str, props: Any = None) -> Entries:
        """The outputs named ``logical_id`` (``'*'``: all) matching ``props`` (default: any)."""
        return self._find_named("Outputs", logical_id, props)

    def has_mapping(self, logical_id: str, props: Any) -> None:
        """Assert that mapping ``logical_id`` (``'*'``: any mapping) matches ``props``."""
        self._assert_named("Mappings", logical_id, props, f"mappings with logicalId {logical_id}")

    def find_mappings(self, logical_id: str, props: Any = None) -> Entries:
        """The mappings named ``logical_id`` (``'*'``: all) matching ``props`` (default: any)."""
        return self._find_named("Mappings", logical_id, props)

    def has_condition(self, logical_id: str, props: Any) -> None:
        """Assert that condition ``logical_id`` (``'*'``: any condition) matches ``props``."""
        self._assert_named("Conditions", logical_id, props, f"conditions with logicalId {logical_id}")

    def find_conditions(self, logical_id: str, props: Any = None) -> Entries:
        """The conditions named ``logical_id`` (``'*'``: all) matching ``props`` (default: any)."""
        return self._find_named("Conditions", logical_id, props)

    # -- whole template ----------------------------------------------------------------

    def template_matches(self, expected: Any) -> None:
        """Assert that the whole template matches ``expected`` (``Match.object_like()``
        unless a matcher is given)."""
        matcher = expected if isinstance(expected, Matcher) else Match.object_like(expected)
        # finished() commits captures (the CDK omits it here, so captures never fill)
        result = matcher.test(self._template).finished()
        if result.has_failed():
            lines = ["Template did not match as expected. The following mismatches were found:"]
            lines += [f"\t{line}" for line in result.to_human_strings()]
            raise AssertionError("\n".join(lines))

    def __repr__(self) -> str:
        return f"<Template with {len(self._resources())} resource(s)>"
