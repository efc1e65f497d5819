"""Generate the CloudFormation L1 classes (`Cfn*`) of cdk-events from the CloudFormation registry
schemas bundled with cfn-lint.

Usage (from the repository root):  .venv/bin/python tools/gen_l1.py [--check]

Writes the modules listed in `MODULES` and formats them with `ruff format`. The output is
deterministic; `--check` exits 1 when a generated file is out of date. Naming follows aws-cdk-lib:
property `EventBusName` -> `event_bus_name` (the `camelcase` npm package, then jsii's snake_case),
property types `<DefinitionName>Property`, attributes `attr_<name>`.
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

MODULES: dict[str, list[str]] = {
    "src/cdk_events/_cfn_generated.py": [
        "AWS::Events::Rule",
        "AWS::Events::EventBus",
        "AWS::Events::EventBusPolicy",
        "AWS::Events::Archive",
        "AWS::Events::Connection",
        "AWS::Events::ApiDestination",
        "AWS::Events::Endpoint",
    ],
    "src/cdk_events/aws/sqs/_cfn_generated.py": ["AWS::SQS::Queue", "AWS::SQS::QueuePolicy"],
    "src/cdk_events/aws/sns/_cfn_generated.py": ["AWS::SNS::Topic", "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription"],
    "src/cdk_events/aws/kms/_cfn_generated.py": ["AWS::KMS::Key"],
    "src/cdk_events/aws/logs/_cfn_generated.py": ["AWS::Logs::LogGroup", "AWS::Logs::ResourcePolicy"],
    "src/cdk_events/aws/lambda_/_cfn_generated.py": ["AWS::Lambda::Function", "AWS::Lambda::Permission",
                                                    "AWS::Lambda::Version", "AWS::Lambda::Alias",
                                                    "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::LayerVersion",
                                                    "AWS::Lambda::LayerVersionPermission"],
    "src/cdk_events/aws/codecommit/_cfn_generated.py": ["AWS::CodeCommit::Repository"],
    "src/cdk_events/aws/codebuild/_cfn_generated.py": ["AWS::CodeBuild::Project"],
    "src/cdk_events/aws/kinesis/_cfn_generated.py": ["AWS::Kinesis::Stream"],
    "src/cdk_events/aws/ec2/_cfn_generated.py": ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
                                                 "AWS::EC2::SecurityGroupEgress", "AWS::EC2::VPC", "AWS::EC2::Subnet",
                                                 "AWS::EC2::RouteTable", "AWS::EC2::SubnetRouteTableAssociation",
                                                 "AWS::EC2::Route", "AWS::EC2::EIP", "AWS::EC2::NatGateway",
                                                 "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment"],
    "src/cdk_events/aws/ecs/_cfn_generated.py": ["AWS::ECS::Cluster", "AWS::ECS::ClusterCapacityProviderAssociations",
                                                 "AWS::ECS::TaskDefinition"],
    "src/cdk_events/aws/apigateway/_cfn_generated.py": ["AWS::ApiGateway::RestApi"],
    "src/cdk_events/aws/firehose/_cfn_generated.py": ["AWS::KinesisFirehose::DeliveryStream"],
    "src/cdk_events/aws/s3/_cfn_generated.py": ["AWS::S3::Bucket", "AWS::S3::BucketPolicy"],
    "src/cdk_events/aws/dynamodb/_cfn_generated.py": ["AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"],
    "src/cdk_events/aws/ssm/_cfn_generated.py": ["AWS::SSM::Parameter"],
    "src/cdk_events/scheduler/_cfn_generated.py": ["AWS::Scheduler::Schedule", "AWS::Scheduler::ScheduleGroup"],
    "src/cdk_events/pipes/_cfn_generated.py": ["AWS::Pipes::Pipe"],
    "src/cdk_events/aws/inspector/_cfn_generated.py": ["AWS::Inspector::AssessmentTemplate"],
    "src/cdk_events/aws/sfn/_cfn_generated.py": ["AWS::StepFunctions::StateMachine"],
}

# Resources that aws-cdk-lib makes taggable the "legacy" way (`tags` is the TagManager, initialised
# from the given tags; `tags_raw` keeps them). The others with a `Tags` property are "modern" in the
# CDK (`cdk_tag_manager` + raw `tags`, combined at render); here they also expose the manager as
# `tags` (the core `Tags` aspect looks for it there) and the raw tags as `tags_raw`.
LEGACY_TAGGABLE = {
    "AWS::SQS::Queue",
    "AWS::S3::Bucket",
    "AWS::DynamoDB::Table",
    "AWS::SNS::Topic",
    "AWS::KMS::Key",
    "AWS::Logs::LogGroup",
    "AWS::Lambda::Function",
    "AWS::CodeCommit::Repository",
    "AWS::CodeBuild::Project",
    "AWS::Kinesis::Stream",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::VPC",
    "AWS::EC2::Subnet",
    "AWS::EC2::RouteTable",
    "AWS::EC2::EIP",
    "AWS::EC2::NatGateway",
    "AWS::EC2::InternetGateway",
    "AWS::ECS::Cluster",
    "AWS::ECS::TaskDefinition",
    "AWS::ApiGateway::RestApi",
    "AWS::StepFunctions::StateMachine",
}

# GetAtt attributes aws-cdk-lib has from the legacy CloudFormation spec that the registry schema does
# not list as read-only properties: attribute -> schema path (for its type).
EXTRA_ATTRIBUTES: dict[str, list[str]] = {
    "AWS::SSM::Parameter": ["Type", "Value"],
    "AWS::Events::EventBus": ["Name", "Policy"],
    "AWS::SQS::Queue": ["QueueName"],
    "AWS::SNS::Topic": ["TopicName"],
    "AWS::EC2::SecurityGroup": ["VpcId"],
    "AWS::EC2::VPC": ["CidrBlock"],
}

# Reference-typed properties (recent aws-cdk-lib L1s): an L2 object given in place of the string is
# replaced by its ARN at construction, the first of these attributes it has (the CDK's `IxxxRef` order).
REF_PROPS: dict[tuple[str, str], tuple[str, ...]] = {
    ("AWS::Pipes::Pipe", "RoleArn"): ("role_arn",),
    ("AWS::Pipes::Pipe", "Source"): ("queue_arn", "stream_arn"),
    ("AWS::Pipes::Pipe", "Target"): (
        "log_group_arn", "function_arn", "state_machine_arn", "event_bus_arn", "queue_arn", "topic_arn"),
    ("AWS::Pipes::Pipe", "Enrichment"): ("function_arn",),
    ("AWS::Scheduler::Schedule", "KmsKeyArn"): ("key_arn",),
}  # fmt: skip

# Properties whose plain-dict value gets the `detailType` -> `detail-type` renaming.
EVENT_PATTERN_PROPS = {("AWS::Events::Rule", "EventPattern")}

RESERVED = {
    "stack", "cfn_resource_type", "cfn_options", "tags", "tags_raw", "cdk_tag_manager", "node",
    "ref", "logical_id", "cfn_properties", "creation_stack", "scope", "id", "self",
}  # fmt: skip


# --- naming (camelcase@6 + propertyNameFromCloudFormation + jsii snake_case) ----------------------


def _preserve_camel_case(text: str) -> str:
    is_last_lower = is_last_upper = is_last_last_upper = False
    chars = list(text)
    i = 0
    while i < len(chars):
        ch = chars[i]
        if is_last_lower and ch.isupper():
            chars.insert(i, "-")
            is_last_lower = False
            is_last_last_upper = is_last_upper
            is_last_upper = True
            i += 1
        elif is_last_upper and is_last_last_upper and ch.islower():
            chars.insert(i - 1, "-")
            is_last_last_upper = is_last_upper
            is_last_upper = False
            is_last_lower = True
        else:
            is_last_lower = ch.lower() == ch and ch.upper() != ch
            is_last_last_upper = is_last_upper
            is_last_upper = ch.upper() == ch and ch.lower() != ch
        i += 1
    return "".join(chars)


def camelcase(text: str) -> str:
    """The `camelcase` npm package (v6, default options)."""
    text = text.strip()
    if len(text) == 1:
        return text.lower()
    if text != text.lower():
        text = _preserve_camel_case(text)
    text = re.sub(r"^[_.\- ]+", "", text).lower()
    text = re.sub(r"[_.\- ]+([^\W_]|_|$)", lambda m: m.group(1).upper(), text)
    return re.sub(r"\d+([^\W_]|_|$)", lambda m: m.group(0).upper(), text)


def property_name(cfn_name: str) -> str:
    """aws-cdk-lib's `propertyNameFromCloudFormation` (camelCase)."""
    if cfn_name == "VPCs":
        return "vpcs"
    if cfn_name == "GetObject":
        cfn_name = "objectAccess"
    if cfn_name == "Equals":
        cfn_name = "equalTo"
    ret = camelcase(cfn_name)
    for suffix, replacement in {"ARNs": "Arns", "MBs": "MBs", "AZs": "AZs"}.items():
        if cfn_name.endswith(suffix):
            return ret[: -len(suffix)] + replacement
    return ret


def snake(camel: str) -> str:
    """jsii's Python name of a camelCase name (`decamelize`), with `_` appended to keywords."""
    text = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", camel)
    text = re.sub(r"([A-Z])([A-Z][a-z]+)", r"\1_\2", text).lower()
    return text + "_" if keyword.iskeyword(text) else text


def py_name(cfn_name: str) -> str:
    """The Python name of a CloudFormation property (`EventBusName` -> `event_bus_name`)."""
    return snake(property_name(cfn_name))


def attr_name(attribute: str) -> str:
    """The Python name of a GetAtt attribute (`Arn` -> `attr_arn`)."""
    return snake(property_name("attr" + re.sub(r"[^a-zA-Z0-9]", "", attribute)))


# --- schema model --------------------------------------------------------------------------------


@dataclass
class Shape:
    kind: str  # str | num | bool | json | struct | list | map | tag
    inner: Shape | None = None
    struct: str | None = None  # class name of a struct


@dataclass
class Struct:
    name: str  # class name, e.g. TargetProperty
    cfn_type: str  # e.g. AWS::Events::Rule.Target
    fields: list[tuple[str, str, Shape]] = field(default_factory=list)  # (cfn, py, shape), sorted


@dataclass
class Resource:
    type_name: str
    class_name: str
    props: list[tuple[str, str, Shape]]
    attributes: list[tuple[str, str, str]]  # (GetAtt name, python name, kind)
    structs: list[Struct]
    taggable: str | None  # "legacy" | "modern" | "map" | None


def schema_dir() -> Path:
    import cfnlint  # type: ignore[import-untyped]

    return Path(cfnlint.__file__).parent / "data" / "schemas"


def load_schema(type_name: str) -> dict[str, Any]:
    base = schema_dir()
    providers = json.loads((base / "providers" / "us-east-1.json").read_text())
    ref = providers[type_name]
    if isinstance(ref, str):
        return json.loads((base / "resources" / f"{ref}.json").read_text())  # type: ignore[no-any-return]
    return ref  # type: ignore[no-any-return]


def _object_properties(sch: dict[str, Any]) -> dict[str, Any] | None:
    props: dict[str, Any] = {}
    found = False
    if "properties" in sch:
        props.update(sch["properties"])
        found = True
    for combinator in ("oneOf", "anyOf", "allOf"):
        for branch in sch.get(combinator, []):
            if isinstance(branch, dict) and "properties" in branch:
                for key, value in branch["properties"].items():
                    props.setdefault(key, value)
                found = True
    return props if found else None


def _is_string_map(defs: dict[str, Any], sch: dict[str, Any]) -> bool:
    """A `TagMap`-like schema: an object whose values are strings (tags as a map)."""
    while "$ref" in sch:
        sch = defs[sch["$ref"].split("/")[-1]]
    values = list(sch.get("patternProperties", {}).values())
    if isinstance(sch.get("additionalProperties"), dict):
        values.append(sch["additionalProperties"])
    return sch.get("type") == "object" and bool(values) and all(v.get("type") == "string" for v in values)


class Builder:
    def __init__(self, type_name: str, schema: dict[str, Any]):
        self.type_name = type_name
        self.schema = schema
        self.defs: dict[str, Any] = schema.get("definitions", {})
        self.structs: dict[str, Struct] = {}
        self.struct_schemas: dict[str, Any] = {}
        self.pending: list[tuple[str, str, dict[str, Any]]] = []

    def _struct_for(self, base_name: str, sch: dict[str, Any]) -> str:
        cls = f"{base_name}Property"
        existing = self.struct_schemas.get(cls)
        if existing is not None:
            if existing != sch:
                raise SystemExit(f"{self.type_name}: two different types named {cls}")
            return cls
        self.struct_schemas[cls] = sch
        self.structs[cls] = Struct(cls, f"{self.type_name}.{base_name}")
        self.pending.append((cls, base_name, sch))
        return cls

    def shape(self, sch: dict[str, Any], ctx: str) -> Shape:
        ref = sch.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            name = ref.split("/")[-1]
            target = self.defs[name]
            props = _object_properties(target)
            if props is not None and target.get("type") != "array":  # (DynamoDB's KeySchema: an array)
                if name in ("Tag", "TagsEntry") and set(props) == {"Key", "Value"}:
                    return Shape("tag")
                return Shape("struct", struct=self._struct_for(name, target))
            return self.shape(target, name)
        props = _object_properties(sch)
        kind = sch.get("type")
        if props is not None and kind in (None, "object"):
            return Shape("struct", struct=self._struct_for(ctx, sch))
        if kind == "array":
            items = sch.get("items", {})
            return Shape("list", inner=self.shape(items, ctx) if isinstance(items, dict) else Shape("json"))
        if kind == "object":
            values = list(sch.get("patternProperties", {}).values())
            addl = sch.get("additionalProperties")
            if isinstance(addl, dict):
                values.append(addl)
            if len(values) == 1:
                inner = self.shape(values[0], ctx)
                if inner.kind in ("struct", "tag"):
                    return Shape("map", inner=inner)
            return Shape("json")
        if kind == "string":
            return Shape("str")
        if kind in ("integer", "number"):
            return Shape("num")
        if kind == "boolean":
            return Shape("bool")
        for combinator in ("anyOf", "oneOf"):
            branches = sch.get(combinator)
            if branches and all(isinstance(b, dict) and b.get("type") == "string" for b in branches):
                return Shape("str")
        return Shape("json")

    def drain(self) -> None:
        while self.pending:
            cls, _base, sch = self.pending.pop(0)
            fields = []
            props = _object_properties(sch) or {}
            for cfn_name in sorted(props):
                fields.append((cfn_name, py_name(cfn_name), self.shape(props[cfn_name], cfn_name)))
            self.structs[cls].fields = fields

    def build(self) -> Resource:
        schema = self.schema
        read_only = [p[len("/properties/") :] for p in schema.get("readOnlyProperties", [])]
        top_read_only = {p for p in read_only if "/" not in p}
        props: list[tuple[str, str, Shape]] = []
        taggable: str | None = None
        for cfn_name in sorted(schema["properties"]):
            if cfn_name in top_read_only:
                continue
            sch = schema["properties"][cfn_name]
            name = py_name(cfn_name)
            if cfn_name == "Tags" and schema.get("tagging", {}).get("taggable", True):
                shape = self.shape(sch, cfn_name)
                if shape.kind == "json" and _is_string_map(self.defs, sch):
                    taggable = "map"
                    props.append((cfn_name, "tags", shape))
                    continue
                if shape.kind != "list" or shape.inner is None or shape.inner.kind != "tag":
                    raise SystemExit(f"{self.type_name}: unsupported tag format")
                taggable = "legacy" if self.type_name in LEGACY_TAGGABLE else "modern"
                props.append((cfn_name, "tags", shape))
                continue
            if name in RESERVED:
                raise SystemExit(f"{self.type_name}: property {cfn_name} clashes with a CfnResource member")
            props.append((cfn_name, name, self.shape(sch, cfn_name)))
        # every struct definition of the schema, also those only reachable from attributes
        for def_name, target in sorted(self.defs.items()):
            if _object_properties(target) is not None and target.get("type") != "array" and not (
                def_name == "Tag" and set(_object_properties(target) or {}) == {"Key", "Value"}
            ):
                self._struct_for(def_name, target)
        self.drain()
        attributes = []
        for path in read_only + EXTRA_ATTRIBUTES.get(self.type_name, []):
            getatt = path.replace("/", ".")
            attributes.append((getatt, attr_name(getatt), self._attr_kind(path)))
        attributes.sort(key=lambda a: a[1])
        structs = [self.structs[k] for k in sorted(self.structs)]
        return Resource(
            self.type_name, "Cfn" + self.type_name.split("::")[-1], props, attributes, structs, taggable
        )

    def _attr_kind(self, path: str) -> str:
        sch: Any = {"properties": self.schema["properties"]}
        for part in path.split("/"):
            while "$ref" in sch:
                sch = self.defs[sch["$ref"].split("/")[-1]]
            sch = (_object_properties(sch) or {}).get(part, {})
        while "$ref" in sch:
            sch = self.defs[sch["$ref"].split("/")[-1]]
        kind = sch.get("type", "string")
        if kind == "string":
            return "str"
        if kind == "integer":
            return "num"
        if kind == "array" and sch.get("items", {}).get("type") == "string":
            return "list"
        return "any"


# --- code generation -----------------------------------------------------------------------------


def annotation(shape: Shape, owner: str) -> str:
    kind = shape.kind
    if kind == "str":
        return "str"
    if kind == "num":
        return "float"
    if kind == "bool":
        return "bool | IResolvable"
    if kind == "json":
        return "Any"
    if kind == "tag":
        return "CfnTag | Mapping[str, Any] | IResolvable"
    if kind == "struct":
        return f"{owner}.{shape.struct} | Mapping[str, Any] | IResolvable"
    assert shape.inner is not None
    inner = annotation(shape.inner, owner)
    if kind == "list":
        return f"Sequence[{inner}] | IResolvable"
    return f"Mapping[str, {inner}] | IResolvable"


def render_expr(shape: Shape, value: str, owner: str) -> str:
    kind = shape.kind
    if kind in ("str", "num", "bool", "json"):
        return value
    if kind == "tag":
        return f"render_cfn_tag({value})"
    if kind == "struct":
        return f"render_struct({value}, {owner}.{shape.struct})"
    assert shape.inner is not None
    inner = shape.inner
    if kind == "list":
        if inner.kind == "struct":
            return f"render_list({value}, {owner}.{inner.struct})"
        if inner.kind == "tag":
            return f"render_tag_list({value})"
        return value
    if inner.kind == "struct":
        return f"render_map({value}, {owner}.{inner.struct})"
    return value


def gen_struct(res: Resource, struct: Struct) -> list[str]:
    owner = res.class_name
    # sorted by snake_case name (ruff's RUF023); the CloudFormation order lives in _CFN_NAMES
    slots = ", ".join(f'"{name}"' for name in sorted(name for _c, name, _s in struct.fields))
    lines = [
        f"    class {struct.name}(CfnStruct):",
        f'        """The ``{struct.cfn_type}`` property type.',
        "",
        "        Optional keyword fields named as in CloudFormation in snake_case; a plain dict with",
        "        snake_case or CloudFormation keys is accepted in its place.",
        '        """',
        "",
        f"        __slots__ = ({slots},)",
        "",
        "        _CFN_NAMES: ClassVar[dict[str, str]] = {",
    ]
    for cfn_name, name, _shape in struct.fields:
        lines.append(f'            "{name}": "{cfn_name}",')
    lines += ["        }", ""]
    for _cfn_name, name, shape in struct.fields:
        lines.append(f"        {name}: {annotation(shape, owner)} | None")
    lines += ["", "        def __init__(", "            self,", "            *,"]
    for _cfn_name, name, shape in struct.fields:
        lines.append(f"            {name}: {annotation(shape, owner)} | None = None,")
    lines += ["        ) -> None:", "            self._init({"]
    for _cfn_name, name, _shape in struct.fields:
        lines.append(f'                "{name}": {name},')
    lines += ["            })", ""]
    lines += [
        "",
        "        def _to_cfn(self) -> dict[str, Any]:",
        '            """The CloudFormation value (CloudFormation names, alphabetical, `None` dropped)."""',
        "            return drop_none(",
        "                {",
    ]
    for cfn_name, name, shape in struct.fields:
        lines.append(f'                    "{cfn_name}": {render_expr(shape, "self." + name, owner)},')
    lines += [
        "                }",
        "            )",
        "",
        "        def _to_cloudformation_value(self) -> dict[str, Any]:",
        "            return self._to_cfn()",
        "",
    ]
    return lines


def gen_resource(res: Resource) -> list[str]:
    cls = res.class_name
    lines = [
        f"class {cls}(CfnResource):",
        f'    """The ``{res.type_name}`` resource (L1): a CloudFormation resource with every property of the',
        "    registry schema as a mutable attribute; properties render in ordinal-alphabetical order.",
        '    """',
        "",
        f'    CFN_RESOURCE_TYPE_NAME: ClassVar[str] = "{res.type_name}"',
        "",
    ]
    for struct in res.structs:
        lines += gen_struct(res, struct)
    params = []
    for cfn_name, name, shape in res.props:
        ann = "Sequence[CfnTag | Mapping[str, Any]]" if name == "tags" else annotation(shape, cls)
        if name == "tags" and res.taggable == "map":
            ann = "Mapping[str, str]"
        if (res.type_name, cfn_name) in REF_PROPS:
            ann = "Any"
        params.append(f"        {name}: {ann} | None = None,")
    lines += [
        "    def __init__(",
        "        self,",
        "        scope: Construct,",
        "        id: str,",
    ]
    if params:
        lines.append("        *,")
        lines += params
    lines += [
        "    ) -> None:",
        f'        """Create a ``{res.type_name}``.',
        "",
        "        Every CloudFormation property is an optional keyword argument named as in CloudFormation",
        "        in snake_case (`EventBusName` -> `event_bus_name`); property types take the nested",
        "        `...Property` classes or plain dicts.",
        '        """',
        f"        super().__init__(scope, id, type={cls}.CFN_RESOURCE_TYPE_NAME)",
    ]
    for cfn_name, name, shape in res.props:
        if name == "tags":
            continue
        ref = REF_PROPS.get((res.type_name, cfn_name))
        if ref is not None:
            lines.append(f"        self.{name}: Any = _ref_arn({name}, {ref!r})")
            continue
        lines.append(f"        self.{name}: {annotation(shape, cls)} | None = {name}")
    if res.taggable == "map":
        lines += [
            f'        self.tags = TagManager("{res.type_name}")',
            '        """Tag manager of this resource (`Tags.of(...)` adds here)."""',
            "        self.tags_raw: Mapping[str, str] | None = tags",
            '        """The tags given to the constructor (a map)."""',
            "        self.cdk_tag_manager = self.tags",
        ]
    elif res.taggable:
        lines += [
            f'        self.tags = TagManager("{res.type_name}")',
            '        """Tag manager of this resource (`Tags.of(...)` adds here)."""',
            "        self.tags_raw: Sequence[CfnTag | Mapping[str, Any]] | None = tags",
            '        """The tags given to the constructor."""',
        ]
        if res.taggable == "legacy":
            lines.append("        self._dynamic_tags = add_external_tags(self.tags, tags)")
        else:
            lines.append("        self.cdk_tag_manager = self.tags")
    lines.append("")
    for getatt, name, kind in res.attributes:
        if kind == "str":
            ret, body = "str", f'self._att_string("{getatt}")'
        elif kind == "num":
            ret, body = "float", f'Token.as_number(self.get_att("{getatt}", ResolutionTypeHint.NUMBER))'
        elif kind == "list":
            hint = "ResolutionTypeHint.STRING_LIST"
            ret, body = "list[str]", f'Token.as_list(self.get_att("{getatt}", {hint}))'
        else:
            ret, body = "IResolvable", f'self.get_att("{getatt}")'
        lines += [
            "    @property",
            f"    def {name}(self) -> {ret}:",
            f'        """The ``{getatt}`` attribute (`Fn::GetAtt`)."""',
            f"        return {body}",
            "",
        ]
    lines += [
        "    def _render_properties(self) -> dict[str, Any]:",
        '        """The CloudFormation properties, in ordinal-alphabetical order of their names."""',
        "        return {",
    ]
    for cfn_name, name, shape in res.props:
        if name == "tags":
            if res.taggable == "map":
                expr = "_render_map_tags(self.tags, self.tags_raw)"
            elif res.taggable == "legacy":
                expr = "render_tags(self.tags, None, self._dynamic_tags)"
            else:
                expr = "render_tags(self.tags, self.tags_raw)"
        elif (res.type_name, cfn_name) in EVENT_PATTERN_PROPS:
            expr = f"event_pattern_to_cfn(self.{name})"
        else:
            expr = render_expr(shape, "self." + name, cls)
        lines.append(f'            "{cfn_name}": {expr},')
    lines += ["        }", "", ""]
    return lines


_REF_ARN_HELPER = [
    "def _ref_arn(value: Any, names: tuple[str, ...]) -> Any:",
    '    """A reference-typed property: an L2 object given in place of the string stands for its ARN',
    '    (the first of `names` it has); strings and tokens are kept."""',
    "    if value is None or isinstance(value, str):",
    "        return value",
    "    for name in names:",
    "        if hasattr(value, name):",
    "            return getattr(value, name)",
    "    return value",
    "",
    "",
]

_MAP_TAGS_HELPER = [
    "def _render_map_tags(manager: TagManager, raw: Mapping[str, str] | None) -> dict[str, str] | None:",
    '    """Tags as a map: the raw tags given to the constructor, then the managed ones, sorted by key."""',
    "    merged = dict(raw or {})",
    "    merged.update(manager.tag_values())",
    "    return {key: merged[key] for key in sorted(merged)} or None",
    "",
    "",
]


def gen_module(path: str, type_names: list[str]) -> str:
    resources = [Builder(t, load_schema(t)).build() for t in type_names]
    body: list[str] = []
    for res in resources:
        body += gen_resource(res)
    if "_ref_arn(" in "\n".join(body):
        body += _REF_ARN_HELPER
    if "_render_map_tags(" in "\n".join(body):
        body += _MAP_TAGS_HELPER
    text = "\n".join(body)
    helpers = [
        n
        for n in (
            "CfnStruct",
            "CfnTag",
            "add_external_tags",
            "drop_none",
            "event_pattern_to_cfn",
            "render_cfn_tag",
            "render_list",
            "render_map",
            "render_struct",
            "render_tag_list",
            "render_tags",
        )
        if re.search(rf"\b{n}\b", text)
    ]
    typing_names = [n for n in ("Any", "ClassVar") if re.search(rf"\b{n}\b", text)]
    abc_names = [n for n in ("Mapping", "Sequence") if re.search(rf"\b{n}\b", text)]
    token_names = [n for n in ("IResolvable", "ResolutionTypeHint") if re.search(rf"\b{n}\b", text)]
    names = ", ".join(r.class_name for r in resources)
    header = [
        '"""CloudFormation L1 classes (generated).',
        "",
        *textwrap.wrap(f"Classes: {names}.", 100),
        "",
        "GENERATED by tools/gen_l1.py from the CloudFormation registry schemas bundled with cfn-lint.",
        "Do not edit; regenerate with `.venv/bin/python tools/gen_l1.py`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    if abc_names:
        header.append(f"from collections.abc import {', '.join(abc_names)}")
    if typing_names:
        header.append(f"from typing import {', '.join(typing_names)}")
    header += ["", ""]
    if helpers:
        header.append(f"from cdk_events.core._cfn_runtime import {', '.join(helpers)}")
    header.append("from cdk_events.core._cfn_element import CfnResource")
    header.append("from cdk_events.core._construct import Construct")
    if "TagManager" in text:
        header.append("from cdk_events.core._tags import TagManager")
    if token_names:
        header.append(f"from cdk_events.core._token_encoding import {', '.join(token_names)}")
    if "Token." in text:
        header.append("from cdk_events.core._token_public import Token")
    header += ["", ""]
    all_names = ", ".join(f'"{r.class_name}"' for r in resources)
    return "\n".join(header) + text.rstrip() + f"\n\n\n__all__ = [{all_names}]\n"


def ruff_format(text: str, path: Path) -> str:
    ruff = Path(sys.executable).with_name("ruff")
    cmd = [str(ruff) if ruff.exists() else "ruff", "format", "--stdin-filename", str(path), "-"]
    out = subprocess.run(cmd, input=text, capture_output=True, text=True, check=True, cwd=ROOT)
    fixed = subprocess.run(
        [cmd[0], "check", "--select", "I", "--fix", "--stdin-filename", str(path), "-"],
        input=out.stdout, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    text = fixed.stdout if fixed.stdout else out.stdout
    if any(len(line) > 120 for line in text.splitlines()):
        # generated dict entries / annotations that cannot be wrapped
        head, sep, tail = text.partition('"""\n\n')
        text = head + sep + "# ruff: noqa: E501\n\n" + tail
    return text


def ensure_package(folder: Path) -> None:
    """Create the package folders (with a docstring-only `__init__.py`) when missing."""
    src = ROOT / "src"
    current = folder
    missing = []
    while current != src and not (current / "__init__.py").exists():
        missing.append(current)
        current = current.parent
    for pkg in reversed(missing):
        pkg.mkdir(parents=True, exist_ok=True)
        name = pkg.name.rstrip("_")
        text = f'"""cdk_events.aws.{pkg.name}: the `aws_cdk.aws_{name}` counterpart of cdk-events."""\n'
        if pkg.name == "aws":
            text = '"""cdk_events.aws: the AWS service modules cdk-events needs."""\n'
        (pkg / "__init__.py").write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files")
    args = parser.parse_args()
    stale = []
    for rel, type_names in MODULES.items():
        path = ROOT / rel
        text = ruff_format(gen_module(rel, type_names), path)
        if path.exists() and path.read_text() == text:
            continue
        stale.append(rel)
        if not args.check:
            ensure_package(path.parent)
            path.write_text(text)
            print(f"wrote {rel}")
    if args.check and stale:
        print("out of date: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
