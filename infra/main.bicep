// Baseline Guard: everything `azd provision` (or `az deployment sub create`) deploys into one
// subscription. The Event Grid subscription is deployed afterwards by eventgrid.bicep (the azd
// postdeploy hook), because Event Grid needs the OnResourceWrite function to exist first.
// Not compiled on the build machines (no Bicep compiler there): see docs/deploy.md.
targetScope = 'subscription'

// azd accepts [a-zA-Z0-9-()_.]{1,64} (Azure/azure-dev, pkg/environment: EnvironmentNameRegexp), the
// deployment-name rule of learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftresources.
@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and feeds the resource name token.')
param environmentName string

@minLength(1)
@description('Region of the resource group and its resources (Flex Consumption must be available there).')
param location string

@description('Resource group to create; default rg-<environmentName>.')
param resourceGroupName string = ''

// Rollout ------------------------------------------------------------------------------------------

@allowed([
  'off'
  'audit'
  'enforce'
])
@description('BG_MAX_MODE: ceiling on every rule\'s mode. audit reports and changes nothing: start there, then enforce (docs/deploy.md).')
param maxMode string = 'audit'

@description('BG_RULE_MODE_<ID>: per-rule modes, e.g. {"REDIS-006": "enforce", "BATCH-005": "audit"}. Still capped by maxMode.')
param ruleModes object = {}

@description('BG_EXEMPTION_TAG: tag key that exempts a resource.')
param exemptionTag string = 'baseline-guard-exempt'

@description('BG_SCOPES: /subscriptions/{id}, /subscriptions/{id}/resourceGroups/{name} or /providers/Microsoft.Management/managementGroups/{id}. Empty: every scope the identity\'s role reaches.')
param scopes array = []

// Settings the fixes and rules use ---------------------------------------------------------------

@description('BG_DIAGNOSTICS_WORKSPACE_ID: full resource id (/subscriptions/{GUID}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}, not checked here) of the Log Analytics workspace the REDIS-011, BATCH-012 and REDISENT-007 fixes send resource logs to; the identity is granted sharedKeys/action on it (any resource group or subscription of this tenant; the deployer needs deployments, role-definition and role-assignment rights in that subscription). Empty: those fixes are blocked (reported, not applied).')
param diagnosticsWorkspaceId string = ''

@description('BG_DIAGNOSTIC_SETTING_NAME: name of the diagnostic setting those fixes create.')
param diagnosticSettingName string = 'baseline-guard'

@description('BG_BATCH_ACCOUNT_ALLOWED_IPS: IPv4 addresses or CIDR ranges for the BATCH-002 fix. Empty: the fix is blocked.')
param batchAccountAllowedIps array = []

@description('BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS: IPv4 addresses or CIDR ranges for the BATCH-003 fix. Empty: the fix is blocked.')
param batchNodeManagementAllowedIps array = []

@description('BG_ALLOWED_LOCATIONS: regions Batch accounts may use (BATCH-013). Empty: not evaluated.')
param allowedLocations array = []

@description('BG_APPROVED_POOL_IMAGES: approved pool images (BPOOL-007). Empty: not evaluated.')
param approvedPoolImages array = []

@description('BG_REDIS_MAX_FIREWALL_RULES (REDIS-004).')
param redisMaxFirewallRules int = 10

@description('BG_REDIS_MAX_FIREWALL_PUBLIC_IPS (REDIS-004).')
param redisMaxFirewallPublicIps int = 10

@description('SWEEP_SCHEDULE: NCRONTAB schedule of the SweepSubscriptions timer (seconds first).')
param sweepSchedule string = '0 0 */6 * * *'

@description('Event Grid custom topic endpoint for outcome events (empty: none). Give the identity "EventGrid Data Sender" on that topic.')
param outcomeTopicEndpoint string = ''

// The app ---------------------------------------------------------------------------------------------

@description('Turn FTP and SCM basic-auth publishing credentials off (azd env set BG_DISABLE_BASIC_PUBLISHING false: the fallback when a region refuses the two policies; docs/deploy.md).')
param disableBasicPublishingCredentials bool = true

// Event Grid ---------------------------------------------------------------------------------------

@description('Name of an existing Microsoft.Resources.Subscriptions system topic for this subscription, to reuse (a subscription can have only one). Empty: create one.')
param existingSystemTopicName string = ''

@description('Resource group of the existing system topic.')
param existingSystemTopicResourceGroup string = ''

param tags object = {}

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
// Suffix of every nested deployment name: unique per environment and subscription, 13 characters, so
// that two environments in one subscription keep separate deployment histories and every name stays
// within ARM's 64 characters for the longest environment name azd accepts (DeploymentNamesTest).
var deploymentSuffix = uniqueString(subscription().id, environmentName)
var allTags = union(tags, { 'azd-env-name': environmentName })
var groupName = empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
var reuseSystemTopic = !empty(existingSystemTopicName)
var systemTopicName = reuseSystemTopic ? existingSystemTopicName : 'evgt-bg-${resourceToken}'
var systemTopicResourceGroup = reuseSystemTopic ? existingSystemTopicResourceGroup : groupName
var deploymentContainerName = 'app-package-${resourceToken}'
var deadLetterContainerName = 'eventgrid-deadletter'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: groupName
  location: location
  tags: allTags
}

module identity 'modules/identity.bicep' = {
  name: 'bg-identity-${deploymentSuffix}'
  scope: rg
  params: {
    name: 'id-bg-${resourceToken}'
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'bg-storage-${deploymentSuffix}'
  scope: rg
  params: {
    name: 'stbg${resourceToken}'
    location: location
    tags: allTags
    identityPrincipalId: identity.outputs.principalId
    deploymentContainerName: deploymentContainerName
    deadLetterContainerName: deadLetterContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'bg-monitoring-${deploymentSuffix}'
  scope: rg
  params: {
    logAnalyticsName: 'log-bg-${resourceToken}'
    applicationInsightsName: 'appi-bg-${resourceToken}'
    location: location
    tags: allTags
    identityPrincipalId: identity.outputs.principalId
  }
}

// The compliance workbook over the outcome records (issue 6; queries checked by WorkbookTest).
module workbook 'modules/workbook.bicep' = {
  name: 'bg-workbook-${deploymentSuffix}'
  scope: rg
  params: {
    location: location
    applicationInsightsId: monitoring.outputs.applicationInsightsId
  }
}

module app 'modules/function-app.bicep' = {
  name: 'bg-function-app-${deploymentSuffix}'
  scope: rg
  params: {
    planName: 'plan-bg-${resourceToken}'
    appName: 'func-bg-${resourceToken}'
    location: location
    tags: allTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maxMode: maxMode
    ruleModes: ruleModes
    exemptionTag: exemptionTag
    scopes: scopes
    diagnosticsWorkspaceId: diagnosticsWorkspaceId
    diagnosticSettingName: diagnosticSettingName
    batchAccountAllowedIps: batchAccountAllowedIps
    batchNodeManagementAllowedIps: batchNodeManagementAllowedIps
    allowedLocations: allowedLocations
    approvedPoolImages: approvedPoolImages
    redisMaxFirewallRules: redisMaxFirewallRules
    redisMaxFirewallPublicIps: redisMaxFirewallPublicIps
    sweepSchedule: sweepSchedule
    outcomeTopicEndpoint: outcomeTopicEndpoint
    disableBasicPublishingCredentials: disableBasicPublishingCredentials
  }
}

// The custom role (exactly the actions the code performs) at this subscription.
module guardRole 'modules/guard-role.bicep' = {
  name: 'bg-role-${deploymentSuffix}'
  params: {
    principalId: identity.outputs.principalId
    environmentName: environmentName
  }
}

// Diagnostic settings that send logs to BG_DIAGNOSTICS_WORKSPACE_ID need sharedKeys/action on that
// workspace (403 LinkedAuthorizationFailed otherwise): a custom role with that action and workspaces/read, assigned on the
// workspace only, in whatever subscription and resource group it lives (modules/workspace-access.bicep).
// Nothing here checks the id: its segments give the subscription (below), resource group and name
// (workspace-access.bicep), so too few segments fail the deployment on an array index and another resource's
// id fails when the role is assigned; the app refuses anything but a workspace id at start-up (SettingsLoader).
// The deployer needs deployments and role-definition rights in that subscription (docs/deploy.md). A
// placeholder keeps the scope expression valid when the id is empty.
var grantWorkspaceAccess = !empty(diagnosticsWorkspaceId)
var workspaceIdParts = split(grantWorkspaceAccess ? diagnosticsWorkspaceId : '/subscriptions/${subscription().subscriptionId}/resourceGroups/${groupName}/providers/Microsoft.OperationalInsights/workspaces/none', '/')

module workspaceAccess 'modules/workspace-access.bicep' = if (grantWorkspaceAccess) {
  name: 'bg-workspace-access-${deploymentSuffix}'
  scope: subscription(workspaceIdParts[2])
  params: {
    workspaceId: diagnosticsWorkspaceId
    principalId: identity.outputs.principalId
    environmentName: environmentName
  }
}

// Creates the topic, or reads the existing one (an `existing` reference in the module) when
// existingSystemTopicName is set.
module systemTopic 'modules/system-topic.bicep' = {
  name: 'bg-system-topic-${deploymentSuffix}'
  scope: resourceGroup(systemTopicResourceGroup)
  params: {
    name: systemTopicName
    create: !reuseSystemTopic
    tags: allTags
  }
  dependsOn: [
    rg
  ]
}

module deadLetterAccess 'modules/dead-letter-access.bicep' = {
  name: 'bg-dead-letter-${deploymentSuffix}'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    deadLetterContainerName: storage.outputs.deadLetterContainerName
    topicPrincipalId: systemTopic.outputs.principalId
  }
}

// azd stores these in the environment; infra/hooks/postdeploy.* reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_ID string = app.outputs.id
output FUNCTION_APP_NAME string = app.outputs.name
output GUARD_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output GUARD_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output GUARD_ROLE_DEFINITION_ID string = guardRole.outputs.roleDefinitionId
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_ACCOUNT_ID string = storage.outputs.id
output DEAD_LETTER_CONTAINER_NAME string = deadLetterContainerName
output SYSTEM_TOPIC_NAME string = systemTopicName
output SYSTEM_TOPIC_RESOURCE_GROUP string = systemTopicResourceGroup
output SYSTEM_TOPIC_ID string = systemTopic.outputs.id
output LOG_ANALYTICS_WORKSPACE_ID string = monitoring.outputs.workspaceId
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output WORKBOOK_ID string = workbook.outputs.workbookId
// Names the hooks use: the Event Grid deployment and the event subscription, unique per environment.
output EVENTGRID_DEPLOYMENT_NAME string = 'bg-eventgrid-${deploymentSuffix}'
output EVENT_SUBSCRIPTION_NAME string = 'baseline-guard-${deploymentSuffix}'
output DIAGNOSTICS_WORKSPACE_ROLE_ID string = grantWorkspaceAccess ? workspaceAccess.outputs.roleDefinitionId : ''
