"""The source of the `AwsApi` target's Lambda handler (Python 3.12, boto3), written inline into the
template (`Code.ZipFile`, at most 4096 bytes).

The handler receives `{service, action, parameters?, catchErrorPattern?, apiVersion?}`. It maps the
service name (SDK for JavaScript v2 class names such as `CloudWatchLogs`, v3 package names such as
`@aws-sdk/client-cloudwatch-logs` or `cloudwatch-logs`, or boto3 names such as `logs`) to a boto3
client and the action (`updateService`, `UpdateService`, `UpdateServiceCommand` or `update_service`)
to a client method, coerces string values to the numbers and booleans the operation's input shape
expects, calls it, and re-raises any error unless its code (or class name) matches the regular
expression `catchErrorPattern` (searched, as JavaScript's `RegExp.test` does). `apiVersion` is
accepted and ignored, as by the CDK's handler.
"""

from __future__ import annotations

HANDLER_SOURCE = '''\
import json, re
import boto3

A = dict(x.split("=") for x in (
    "cloudwatchlogs=logs cloudwatchevents=events eventbridge=events "
    "cognitoidentityserviceprovider=cognito-idp cognitoidentityprovider=cognito-idp "
    "sfn=stepfunctions elasticloadbalancing=elb elasticloadbalancingv2=elbv2 "
    "elasticsearchservice=es iotdataplane=iot-data iotjobsdataplane=iot-jobs-data "
    "lexmodelbuildingservice=lex-models lexruntimeservice=lex-runtime "
    "augmentedairuntime=sagemaker-a2i-runtime forecastqueryservice=forecastquery "
    "rdsdataservice=rds-data marketplacemetering=meteringmarketplace configservice=config "
    "costexplorer=ce directoryservice=ds directoryservicedata=ds-data "
    "databasemigrationservice=dms costandusagereportservice=cur migrationhub=mgh "
    "applicationdiscoveryservice=discovery serverlessapplicationrepository=serverlessrepo "
    "marketplaceentitlementservice=marketplace-entitlement "
    "kinesisvideosignalingchannels=kinesis-video-signaling").split())
S = None


def norm(name):
    name = name.lower()
    for p in ("@aws-sdk/", "client-"):
        if name.startswith(p):
            name = name[len(p):]
    return re.sub("[^a-z0-9]", "", name)


def service(name):
    global S
    if S is None:
        S = {norm(s): s for s in boto3.Session().get_available_services()}
    n = norm(name)
    found = A.get(n) or S.get(n)
    if not found:
        raise ValueError("Unknown AWS service: %s" % name)
    return found


def operation(client, action):
    apis = {v.lower(): k for k, v in client.meta.method_to_api_mapping.items()}
    a = action.replace("_", "").lower()
    for key in (a, a[:-7] if a.endswith("command") else a):
        if key in apis:
            return apis[key], client.meta.method_to_api_mapping[apis[key]]
    raise ValueError("Unknown action %s of %s" % (action, client.meta.service_model.service_name))


def coerce(shape, value):
    t = shape.type_name
    if t == "structure" and isinstance(value, dict):
        m = shape.members
        return {k: coerce(m[k], v) if k in m else v for k, v in value.items()}
    if t == "list" and isinstance(value, list):
        return [coerce(shape.member, v) for v in value]
    if t == "map" and isinstance(value, dict):
        return {k: coerce(shape.value, v) for k, v in value.items()}
    try:
        if t in ("integer", "long") and isinstance(value, (str, float)):
            return int(value) if isinstance(value, str) or value.is_integer() else value
        if t in ("float", "double") and isinstance(value, str):
            return float(value)
        if t == "boolean" and isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
    except ValueError:
        pass
    return value


def error_name(error):
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if code:
            return code
    return type(error).__name__


def handler(event, context=None):
    print("Event: " + json.dumps(event, default=str))
    pattern = event.get("catchErrorPattern")
    client = boto3.client(service(event["service"]))
    try:
        method, api = operation(client, event["action"])
        params = event.get("parameters") or {}
        shape = client.meta.service_model.operation_model(api).input_shape
        if shape is not None:
            params = coerce(shape, params)
        response = getattr(client, method)(**params)
        if isinstance(response, dict):
            response.pop("ResponseMetadata", None)
        print("Response: " + json.dumps(response, default=str))
    except Exception as error:
        name = error_name(error)
        print("Error %s: %s" % (name, error))
        if not pattern or not re.search(pattern, name):
            raise
'''
