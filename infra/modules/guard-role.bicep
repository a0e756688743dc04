// Baseline Guard's least-privilege role at one subscription: a custom role granting exactly the ARM
// actions the code performs (com.baselineguard.arm.ArmActions.ALL; InfraConsistencyTest keeps them
// equal) and its assignment to the app's identity. Resource Graph needs no Reader role: it returns the
// resources the identity can read, which the read actions below allow.
targetScope = 'subscription'

@description('Principal id (object id) of Baseline Guard\'s user-assigned identity.')
param principalId string

@description('azd environment name; keeps role names unique when several environments share a tenant.')
param environmentName string

var guardActions = [
  'Microsoft.Cache/redis/read'
  'Microsoft.Cache/redis/write'
  'Microsoft.Cache/redis/firewallRules/read'
  'Microsoft.Cache/redis/privateEndpointConnections/read'
  'Microsoft.Cache/redisEnterprise/read'
  'Microsoft.Cache/redisEnterprise/write'
  'Microsoft.Cache/redisEnterprise/privateEndpointConnections/read'
  'Microsoft.Cache/redisEnterprise/databases/read'
  'Microsoft.Cache/redisEnterprise/databases/write'
  'Microsoft.Batch/batchAccounts/read'
  'Microsoft.Batch/batchAccounts/write'
  'Microsoft.Batch/batchAccounts/privateEndpointConnections/read'
  'Microsoft.Batch/batchAccounts/certificates/read'
  'Microsoft.Batch/batchAccounts/pools/read'
  'Microsoft.Batch/batchAccounts/pools/write'
  'Microsoft.Insights/diagnosticSettings/read'
  'Microsoft.Insights/diagnosticSettings/write'
  'Microsoft.ResourceGraph/resources/read'
  'Microsoft.KeyVault/vaults/read'
]

// Exactly com.baselineguard.keyvault.KeyVaultDataActions.ALL: the Batch customer-managed key checks
// (BATCH-010) read the key and its rotation policy and, in enforce mode, set the policy. Data actions
// apply to vaults using the Azure RBAC permission model.
var guardDataActions = [
  'Microsoft.KeyVault/vaults/keys/read'
  'Microsoft.KeyVault/vaults/keys/rotationpolicy/read'
  'Microsoft.KeyVault/vaults/keys/rotationpolicy/write'
]

resource guardRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'baseline-guard-remediator', environmentName)
  properties: {
    roleName: 'Baseline Guard remediator ${environmentName} ${subscription().subscriptionId}'
    description: 'Reads and patches Azure Cache for Redis caches, Azure Managed Redis clusters and databases, Batch accounts and pools and their diagnostic settings to keep them on the security baseline.'
    type: 'CustomRole'
    permissions: [
      {
        actions: guardActions
        notActions: []
        dataActions: guardDataActions
        notDataActions: []
      }
    ]
    assignableScopes: [
      subscription().id
    ]
  }
}

resource guardAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, guardRole.id, principalId)
  properties: {
    roleDefinitionId: guardRole.id
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'Baseline Guard (${environmentName})'
  }
}

output roleDefinitionId string = guardRole.id
output roleName string = guardRole.properties.roleName
