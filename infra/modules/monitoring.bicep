// Log Analytics workspace and workspace-based Application Insights. Local (key) authentication is off:
// the app sends telemetry with its identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), which needs
// Monitoring Metrics Publisher on the component.

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object = {}

@description('Principal id of Baseline Guard\'s user-assigned identity.')
param identityPrincipalId string

@description('Days Log Analytics keeps the data, outcome records included.')
param retentionInDays int = 90

// Built-in role definition id (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identityPrincipalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output workspaceId string = workspace.id
output applicationInsightsId string = appInsights.id
output applicationInsightsName string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
