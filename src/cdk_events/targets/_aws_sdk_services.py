"""AWS SDK service names and their IAM action prefixes, for the `AwsApi` target's default policy.

Keys are the lower-case service names of the AWS SDK for JavaScript v3 (the names aws-cdk-lib looks
up); a service not listed in `IAM_PREFIXES` has its own name as IAM prefix. `V2_NAMES` maps SDK v2
class names whose normalised form differs from the v3 name.
"""

from __future__ import annotations

import re

_SAME_PREFIX = """
account acm-pca acm amplify amplifybackend amplifyuibuilder appconfig appfabric appflow application-signals
apprunner appstream appsync apptest arc-zonal-shift artifact athena auditmanager b2bi backup-gateway backup batch
bcm-data-exports bcm-pricing-calculator bedrock billing billingconductor braket budgets chatbot chime cleanrooms
cloud9 clouddirectory cloudformation cloudfront-keyvaluestore cloudfront cloudhsm cloudsearch cloudtrail-data
cloudtrail codeartifact codebuild codecatalyst codecommit codeconnections codedeploy codeguru-reviewer
codeguru-security codepipeline codestar-connections codestar-notifications cognito-identity cognito-sync comprehend
comprehendmedical compute-optimizer connect controlcatalog controltower cost-optimization-hub databrew dataexchange
datasync datazone dax deadline detective devops-guru dlm docdb-elastic drs dsql dynamodb ebs ec2-instance-connect
ec2 ecr-public ecr ecs eks-auth eks elasticache emr-containers emr-serverless entityresolution evidently finspace
firehose fis fms forecast frauddetector freetier fsx gamelift gameliftstreams geo-maps geo-places geo-routes glacier
glue grafana greengrass groundstation guardduty health healthlake iam identitystore imagebuilder inspector-scan
inspector inspector2 internetmonitor invoicing iot iotanalytics iotdeviceadvisor iotfleethub iotfleetwise
iotsitewise iotthingsgraph iottwinmaker ivs ivschat kafka kafkaconnect kendra-ranking kendra kinesis kms
lakeformation lambda license-manager-linux-subscriptions license-manager-user-subscriptions license-manager
lightsail lookoutequipment lookoutmetrics lookoutvision m2 macie2 managedblockchain-query managedblockchain
mediaconnect mediaconvert medialive mediapackage-vod mediapackage mediapackagev2 mediastore mediatailor
medical-imaging memorydb mgn mq neptune-graph network-firewall networkflowmonitor networkmanager networkmonitor
notifications oam observabilityadmin omics opsworks organizations osis outposts panorama partnercentral-selling
payment-cryptography pca-connector-ad pca-connector-scep pcs personalize pi pipes polly pricing proton qapps
qbusiness qldb quicksight ram rbin rds-data rds redshift-data redshift-serverless redshift rekognition repostspace
resiliencehub resource-explorer-2 resource-groups robomaker rolesanywhere route53-recovery-cluster
route53-recovery-control-config route53-recovery-readiness route53profiles route53resolver rum s3 s3tables
sagemaker-geospatial sagemaker savingsplans scheduler schemas security-ir securityhub securitylake servicediscovery
ses shield signer simspaceweaver sms snow-device-management snowball sns sqs ssm-contacts ssm-guiconnect
ssm-incidents ssm-quicksetup ssm-sap ssm sts support swf synthetics textract timestream-influxdb tnb transcribe
transfer translate trustedadvisor verifiedpermissions vpc-lattice waf-regional waf wafv2 wellarchitected wisdom
workdocs workmail workmailmessageflow workspaces-web workspaces xray
"""

_OTHER_PREFIX = """
accessanalyzer=access-analyzer amp=aps api-gateway=apigateway apigatewaymanagementapi=execute-api
apigatewayv2=apigateway app-mesh=appmesh appconfigdata=appconfig appintegrations=app-integrations
application-auto-scaling=application-autoscaling application-discovery-service=discovery
application-insights=applicationinsights applicationcostprofiler=application-cost-profiler
auto-scaling-plans=autoscaling-plans auto-scaling=autoscaling backupsearch=backup-search
bedrock-agent-runtime=bedrock bedrock-agent=bedrock bedrock-data-automation-runtime=bedrock
bedrock-data-automation=bedrock bedrock-runtime=bedrock chime-sdk-identity=chime chime-sdk-media-pipelines=chime
chime-sdk-meetings=chime chime-sdk-messaging=chime chime-sdk-voice=chime cleanroomsml=cleanrooms-ml
cloudcontrol=cloudcontrolapi cloudhsm-v2=cloudhsm cloudsearch-domain=cloudsearch cloudwatch-events=events
cloudwatch-logs=logs cloudwatch=monitoring codeguruprofiler=codeguru-profiler cognito-identity-provider=cognito-idp
config-service=config connect-contact-lens=connect connectcampaigns=connect-campaigns
connectcampaignsv2=connect-campaigns connectcases=cases connectparticipant=execute-api
cost-and-usage-report-service=cur cost-explorer=ce customer-profiles=profile data-pipeline=datapipeline
database-migration-service=dms device-farm=devicefarm direct-connect=directconnect directory-service-data=ds-data
directory-service=ds docdb=rds dynamodb-streams=dynamodb efs=elasticfilesystem elastic-beanstalk=elasticbeanstalk
elastic-load-balancing-v2=elasticloadbalancing elastic-load-balancing=elasticloadbalancing
elastic-transcoder=elastictranscoder elasticsearch-service=es emr=elasticmapreduce eventbridge=events
finspace-data=finspace-api forecastquery=forecast global-accelerator=globalaccelerator greengrassv2=greengrass
iot-data-plane=iotdata iot-events-data=ioteventsdata iot-events=iotevents iot-jobs-data-plane=iot-jobs-data
iot-managed-integrations=iotmanagedintegrations iot-wireless=iotwireless iotsecuretunneling=IoTSecuredTunneling
ivs-realtime=ivs keyspaces=cassandra kinesis-analytics-v2=kinesisanalytics kinesis-analytics=kinesisanalytics
kinesis-video-archived-media=kinesisvideo kinesis-video-media=kinesisvideo kinesis-video-signaling=kinesisvideo
kinesis-video-webrtc-storage=kinesisvideo kinesis-video=kinesisvideo launch-wizard=launchwizard
lex-model-building-service=lex lex-models-v2=lex lex-runtime-service=lex lex-runtime-v2=lex location=geo
machine-learning=machinelearning mailmanager=ses marketplace-agreement=aws-marketplace
marketplace-catalog=aws-marketplace marketplace-commerce-analytics=marketplacecommerceanalytics
marketplace-deployment=aws-marketplace marketplace-entitlement-service=aws-marketplace
marketplace-metering=aws-marketplace marketplace-reporting=aws-marketplace mediastore-data=mediastore
migration-hub-refactor-spaces=refactor-spaces migration-hub=mgh migrationhub-config=mgh
migrationhuborchestrator=migrationhub-orchestrator migrationhubstrategy=migrationhub-strategy
mturk=mturk-requester mwaa=airflow neptune=rds neptunedata=neptune-db notificationscontacts=notifications-contacts
opensearch=es opensearchserverless=aoss opsworkscm=opsworks-cm payment-cryptography-data=payment-cryptography
personalize-events=personalize personalize-runtime=personalize pinpoint-email=ses pinpoint-sms-voice-v2=sms-voice
pinpoint-sms-voice=sms-voice pinpoint=mobiletargeting qconnect=wisdom qldb-session=qldb
rekognitionstreaming=rekognition resource-groups-tagging-api=tagging route-53-domains=route53domains
route-53=route53 s3-control=s3 s3outposts=s3-outposts sagemaker-a2i-runtime=sagemaker sagemaker-edge=sagemaker
sagemaker-featurestore-runtime=sagemaker sagemaker-metrics=sagemaker sagemaker-runtime=sagemaker
secrets-manager=secretsmanager serverlessapplicationrepository=serverlessrepo
service-catalog-appregistry=servicecatalog service-catalog=servicecatalog service-quotas=servicequotas sesv2=ses
sfn=states socialmessaging=social-messaging sso-admin=sso sso-oidc=sso-oauth sso=awsssoportal
storage-gateway=storagegateway supplychain=scn support-app=supportapp taxsettings=tax timestream-query=timestream
timestream-write=timestream transcribe-streaming=transcribe voice-id=voiceid workspaces-thin-client=thinclient
"""

IAM_PREFIXES: dict[str, str] = {
    **{name: name for name in _SAME_PREFIX.split()},
    **dict(pair.split("=") for pair in _OTHER_PREFIX.split()),
}
"""SDK v3 service name -> IAM prefix."""

V2_NAMES: dict[str, str] = {
    "cognitoidentityserviceprovider": "cognito-identity-provider", "stepfunctions": "sfn",
    "elbv2": "elastic-load-balancing-v2", "elb": "elastic-load-balancing", "es": "elasticsearch-service",
    "iotdata": "iot-data-plane", "lexruntime": "lex-runtime-service", "augmentedairuntime": "sagemaker-a2i-runtime",
    "forecastqueryservice": "forecastquery", "rdsdataservice": "rds-data", "dms": "database-migration-service",
    "cur": "cost-and-usage-report-service",
}
"""Normalised SDK v2 class name -> SDK v3 service name, where normalising does not find it."""

_NORMALISED = {re.sub("[^a-z0-9]", "", name): name for name in IAM_PREFIXES}


def sdk_service(service: str) -> str | None:
    """The SDK v3 service name for `service` (v3 name, `@aws-sdk/client-...`, or v2 class name), or None."""
    lowered = service.lower()
    if lowered in IAM_PREFIXES:
        return lowered
    for prefix in ("@aws-sdk/", "client-"):
        if lowered.startswith(prefix):
            lowered = lowered[len(prefix):]
    if lowered in IAM_PREFIXES:
        return lowered
    key = re.sub("[^a-z0-9]", "", lowered)
    return V2_NAMES.get(key) or _NORMALISED.get(key)
