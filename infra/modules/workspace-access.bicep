// Lets Baseline Guard's identity send resource logs to the BG_DIAGNOSTICS_WORKSPACE_ID workspace. When a
// diagnostic setting names a Log Analytics workspace, ARM also checks the caller's
// Microsoft.OperationalInsights/workspaces/sharedKeys/action on that workspace (a linked-scope check) and
// answers 403 LinkedAuthorizationFailed without it; the REDIS-011, BATCH-012 and REDISENT-007 fixes
// write such settings. Least privilege: a custom role with that action and workspaces/read (the pair Manage
// access's "Example 2" grants so that a principal can "use it as a destination for diagnostic settings"; read
// alone discloses the workspace's configuration, no data), defined in the workspace's
// subscription, assignable in the workspace's resource group and assigned on the workspace only. Works for
// a workspace in another resource group or subscription of the same tenant (deployed at that
// subscription's scope by main.bicep). Action: learn.microsoft.com/azure/role-based-access-control/
// permissions/monitor (Microsoft.OperationalInsights); that it is the one for sending logs to a workspace:
// learn.microsoft.com/azure/azure-monitor/logs/manage-access (the row "Read the workspace keys to allow
// sending logs to this workspace": Microsoft.OperationalInsights/workspaces/sharedKeys/action). Schema:
// Microsoft.Authorization/roleDefinitions and roleAssignments 2022-04-01
// (learn.microsoft.com/azure/templates/microsoft.authorization/roledefinitions).
targetScope = 'subscription'

@description('Resource id of the Log Analytics workspace (BG_DIAGNOSTICS_WORKSPACE_ID), in this subscription.')
param workspaceId string

@description('Principal id (object id) of Baseline Guard\'s user-assigned identity.')
param principalId string

@description('azd environment name; keeps role names unique when several environments share a tenant.')
param environmentName string

// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{name}
var workspaceIdParts = split(workspaceId, '/')
var workspaceResourceGroup = workspaceIdParts[4]
var workspaceName = workspaceIdParts[8]

var workspaceActions = [
  'Microsoft.OperationalInsights/workspaces/read'
  'Microsoft.OperationalInsights/workspaces/sharedKeys/action'
]

resource workspaceRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(workspaceId, 'baseline-guard-diagnostics-workspace', environmentName)
  properties: {
    roleName: 'Baseline Guard diagnostics workspace ${environmentName} ${uniqueString(workspaceId)}'
    description: 'Lets Baseline Guard create diagnostic settings that send resource logs to this Log Analytics workspace.'
    type: 'CustomRole'
    permissions: [
      {
        actions: workspaceActions
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
    assignableScopes: [
      subscriptionResourceId('Microsoft.Resources/resourceGroups', workspaceResourceGroup)
    ]
  }
}

module assignment 'workspace-role-assignment.bicep' = {
  name: 'bg-workspace-assignment-${uniqueString(workspaceId, environmentName)}'
  scope: resourceGroup(workspaceResourceGroup)
  params: {
    workspaceName: workspaceName
    roleDefinitionId: workspaceRole.id
    principalId: principalId
    environmentName: environmentName
  }
}

output roleDefinitionId string = workspaceRole.id
