"""`ReferenceEvent`: the fields of CodeCommit reference events, for rule target inputs."""

from __future__ import annotations


class _Field:
    """A class attribute that reads as `EventField.from_path(path)`."""

    def __init__(self, path: str):
        self.path = path

    def __get__(self, instance: object, owner: type) -> str:
        from cdk_events import EventField

        return EventField.from_path(self.path)


class ReferenceEvent:
    """Fields of the events CodeCommit sends when a reference changes (mirrors
    `aws_cdk.aws_codecommit.ReferenceEvent`); each attribute is an `EventField` string for
    `RuleTargetInput.from_text` / `from_object`."""

    event_type = _Field("$.detail.event")
    """`referenceCreated`, `referenceUpdated` or `referenceDeleted`."""
    repository_name = _Field("$.detail.repositoryName")
    """The name of the repository."""
    repository_id = _Field("$.detail.repositoryId")
    """The id of the repository."""
    reference_type = _Field("$.detail.referenceType")
    """`branch` or `tag`."""
    reference_name = _Field("$.detail.referenceName")
    """The branch or tag name."""
    reference_full_name = _Field("$.detail.referenceFullName")
    """The full reference name, e.g. `refs/tags/myTag`."""
    commit_id = _Field("$.detail.commitId")
    """The commit the reference now points to."""

    def __init__(self) -> None:
        raise TypeError("ReferenceEvent only has class attributes (ReferenceEvent.repository_name, ...)")
