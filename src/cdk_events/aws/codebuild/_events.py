"""`StateChangeEvent` and `PhaseChangeEvent`: fields of CodeBuild events, for rule target inputs."""

from __future__ import annotations

from ..._input import EventField


class _Field:
    """A class attribute that reads as `EventField.from_path(path)`."""

    def __init__(self, path: str):
        self.path = path

    def __get__(self, instance: object, owner: type) -> str:
        return EventField.from_path(self.path)


class StateChangeEvent:
    """Fields of "CodeBuild Build State Change" events (mirrors `aws_cdk.aws_codebuild.StateChangeEvent`);
    each attribute is an `EventField` string."""

    build_status = _Field("$.detail.build-status")
    """The build's status."""
    project_name = _Field("$.detail.project-name")
    """The project's name."""
    build_id = _Field("$.detail.build-id")
    """The build's id."""
    current_phase = _Field("$.detail.current-phase")
    """The build's current phase."""

    def __init__(self) -> None:
        raise TypeError("StateChangeEvent only has class attributes (StateChangeEvent.build_id, ...)")


class PhaseChangeEvent:
    """Fields of "CodeBuild Build Phase Change" events (mirrors `aws_cdk.aws_codebuild.PhaseChangeEvent`);
    each attribute is an `EventField` string."""

    project_name = _Field("$.detail.project-name")
    """The project's name."""
    build_id = _Field("$.detail.build-id")
    """The build's id."""
    completed_phase = _Field("$.detail.completed-phase")
    """The phase that just completed."""
    completed_phase_status = _Field("$.detail.completed-phase-status")
    """The status of the completed phase."""
    completed_phase_duration_seconds = _Field("$.detail.completed-phase-duration-seconds")
    """How long the completed phase took."""
    build_complete = _Field("$.detail.build-complete")
    """Whether the build is complete."""

    def __init__(self) -> None:
        raise TypeError("PhaseChangeEvent only has class attributes (PhaseChangeEvent.build_id, ...)")
