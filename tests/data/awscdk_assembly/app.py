"""The aws-cdk-lib app whose cloud assembly is stored next to this file (assembly/).

It is the worked example of docs/testing.md ("Testing an aws-cdk-lib app's rules with cdk-events").
Written with aws-cdk-lib 2.275.0; the assembly was synthesized by aws-cdk-lib, not by cdk-events:

    CDK_OUTDIR=assembly python app.py   # then keep only manifest.json, *.template.json, *.assets.json

Two accounts: the shop (111111111111, us-east-1) and the warehouse (222222222222, eu-west-1).
"""

import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs

SHOP = cdk.Environment(account="111111111111", region="us-east-1")
WAREHOUSE = cdk.Environment(account="222222222222", region="eu-west-1")

# `cdk synth` turns path metadata on; this app is run directly, so it asks for it.
app = cdk.App(context={"aws:cdk:enable-path-metadata": True})

warehouse = cdk.Stack(app, "Warehouse", env=WAREHOUSE)
picking = sqs.Queue(warehouse, "Picking")

shop = cdk.Stack(app, "Shop", env=SHOP)
bus = events.EventBus(shop, "OrdersBus", event_bus_name="orders")
orders = sqs.Queue(shop, "Orders")
handler = lambda_.Function(
    shop, "Handler",
    runtime=lambda_.Runtime.PYTHON_3_12,
    handler="index.handler",
    code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
)
uploads = s3.Bucket(shop, "Uploads", event_bridge_enabled=True)

# 1. a pattern rule on the custom bus: an input transformer for the shop's queue, and a target in the
#    warehouse account (aws-cdk-lib forwards through the warehouse's default bus)
order_placed = events.Rule(
    shop, "OrderPlaced",
    rule_name="order-placed",  # a target in another account needs a rule with a physical name
    event_bus=bus,
    event_pattern=events.EventPattern(source=["shop"], detail_type=["OrderPlaced"]),
)
order_placed.add_target(targets.SqsQueue(orders, message=events.RuleTargetInput.from_object({
    "order": events.EventField.from_path("$.detail.id"),
    "total": events.EventField.from_path("$.detail.total"),
    "kind": events.EventField.detail_type,
})))
order_placed.add_target(targets.SqsQueue(picking))

# 2. a pattern rule on the default bus whose pattern holds a deploy-time value (the bucket's name)
events.Rule(
    shop, "UploadReceived",
    event_pattern=events.EventPattern(
        source=["aws.s3"],
        detail_type=["Object Created"],
        detail={"bucket": {"name": [uploads.bucket_name]}},
    ),
    targets=[targets.LambdaFunction(handler)],
)

# 3. a scheduled rule
events.Rule(
    shop, "Nightly",
    schedule=events.Schedule.cron(minute="0", hour="2"),
    targets=[targets.LambdaFunction(handler, event=events.RuleTargetInput.from_object({"job": "report"}))],
)

app.synth()
