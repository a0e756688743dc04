// Assigns the diagnostics-workspace role (workspace-access.bicep) to Baseline Guard's identity on one Log
// Analytics workspace, not on its resource group.

param workspaceName string
param roleDefinitionId string
param principalId string
param environmentName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource workspaceKeys 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, principalId, roleDefinitionId)
  scope: workspace
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'Baseline Guard (${environmentName}): diagnostic settings to this workspace'
  }
}
