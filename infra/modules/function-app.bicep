// The Flex Consumption (FC1) plan and the Java 17 function app, running as the user-assigned identity,
// with every app setting Baseline Guard reads (docs/configuration.md). InfraConsistencyTest checks the
// names in appSettings against com.baselineguard.config.Setting and the Functions settings.

param planName string
param appName string
param location string
param tags object = {}

@description('The azd service this app hosts (azure.yaml).')
param serviceName string = 'app'

param identityId string
param identityClientId string

param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@description('Most instances the app scales out to; each instance calls ARM, so more is not always better.')
param maximumInstanceCount int = 40

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Turn FTP and SCM basic-auth publishing credentials off (deployments use Microsoft Entra ID).')
param disableBasicPublishingCredentials bool = true

// BG_* settings (com.baselineguard.config.Setting); main.bicep documents each parameter.
param maxMode string
param ruleModes object
param exemptionTag string
param scopes array
param diagnosticsWorkspaceId string
param diagnosticSettingName string
param batchAccountAllowedIps array
param batchNodeManagementAllowedIps array
param allowedLocations array
param approvedPoolImages array
param redisMaxFirewallRules int
param redisMaxFirewallPublicIps int
param sweepSchedule string
@description('Days before a Batch customer-managed key expires when BATCH-010 starts to fail.')
param keyExpiryWarningDays int = 30
@description('Days before expiry the rotation policy set by the BATCH-010 fix rotates the key.')
param keyRotateBeforeExpiryDays int = 30
@description('Fixes of one rule on one resource within the window after which the resource is contested.')
param contestMaxFixes int = 3
@description('The loop and fight guard window, in minutes.')
param contestWindowMinutes int = 60
@description('Most writes per second one instance sends to one subscription (ARM allows about 10); 0: unpaced.')
param writesPerSecond int = 10
@description('Event Grid custom topic endpoint the outcome records are published to; empty: not published.')
param outcomeTopicEndpoint string = ''

// Both must equal host.json: the queue redelivers after extensions.queues.visibilityTimeout (00:00:30)
// and gives up after maxDequeueCount (10) deliveries.
var followUpDelaySeconds = 30
var maxAttempts = 10

var appSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
  AZURE_CLOUD: environment().name
  SWEEP_SCHEDULE: sweepSchedule
  BG_MAX_MODE: maxMode
  BG_EXEMPTION_TAG: exemptionTag
  BG_SCOPES: join(scopes, ',')
  BG_DIAGNOSTICS_WORKSPACE_ID: diagnosticsWorkspaceId
  BG_DIAGNOSTIC_SETTING_NAME: diagnosticSettingName
  BG_BATCH_ACCOUNT_ALLOWED_IPS: join(batchAccountAllowedIps, ',')
  BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS: join(batchNodeManagementAllowedIps, ',')
  BG_ALLOWED_LOCATIONS: join(allowedLocations, ',')
  BG_APPROVED_POOL_IMAGES: join(approvedPoolImages, ',')
  BG_REDIS_MAX_FIREWALL_RULES: string(redisMaxFirewallRules)
  BG_REDIS_MAX_FIREWALL_PUBLIC_IPS: string(redisMaxFirewallPublicIps)
  BG_FOLLOW_UP_DELAY_SECONDS: string(followUpDelaySeconds)
  BG_MAX_ATTEMPTS: string(maxAttempts)
  BG_KEY_EXPIRY_WARNING_DAYS: string(keyExpiryWarningDays)
  BG_KEY_ROTATE_BEFORE_EXPIRY_DAYS: string(keyRotateBeforeExpiryDays)
  BG_OUTCOME_TOPIC_ENDPOINT: outcomeTopicEndpoint
  BG_CONTEST_MAX_FIXES: string(contestMaxFixes)
  BG_CONTEST_WINDOW_MINUTES: string(contestWindowMinutes)
  BG_WRITES_PER_SECOND: string(writesPerSecond)
}

// ruleModes {'REDIS-001': 'enforce'} becomes BG_RULE_MODE_REDIS_001=enforce.
var ruleModeSettings = toObject(items(ruleModes), entry => 'BG_RULE_MODE_${toUpper(replace(entry.key, '-', '_'))}', entry => entry.value)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No ftpsState, alwaysOn, linuxFxVersion, javaVersion, use32BitWorkerProcess, vnet*Enabled and no
    // FUNCTIONS_EXTENSION_VERSION / FUNCTIONS_WORKER_RUNTIME / WEBSITE_* content settings: Flex
    // Consumption refuses or ignores them ("Flex Consumption plan deprecations",
    // learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations;
    // FlexConsumptionTest holds the list). The runtime is functionAppConfig.runtime below, and FTP and
    // SCM basic-auth publishing are turned off with the basicPublishingCredentialsPolicies further down.
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'java'
        version: '17'
      }
    }
  }
}

// FTP and SCM (Kudu) basic-auth publishing off. Schema: Microsoft.Web/sites/basicPublishingCredentialsPolicies,
// name 'ftp' | 'scm', properties.allow (bool, required), resource-group scope
// (learn.microsoft.com/azure/templates/microsoft.web/sites/basicpublishingcredentialspolicies; spec
// specification/web/resource-manager/Microsoft.Web/stable/2024-04-01/WebApps.json, WebApps_UpdateFtpAllowed /
// WebApps_UpdateScmAllowed). Neither the spec nor the Flex Consumption documentation limits it by plan;
// azd and `az functionapp deployment source config-zip` deploy to Flex Consumption with Microsoft Entra
// tokens, not basic auth. docs/deploy.md says what was checked; disableBasicPublishingCredentials=false skips it.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = if (disableBasicPublishingCredentials) {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = if (disableBasicPublishingCredentials) {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, ruleModeSettings)
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output storageAccountName string = storageAccountName
