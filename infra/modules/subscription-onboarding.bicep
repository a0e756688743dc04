// Brings one more subscription under the central Baseline Guard app: its system topic (created, or an
// existing one reused), the event subscription to the central OnResourceWrite function (the function
// must exist), the dead-letter access for the topic, and the custom role assigned to the app's identity.
//
// Sweeps: with BG_SCOPES listing this subscription, or a management group above it
// (/providers/Microsoft.Management/managementGroups/{id}), the timer sweep covers it too. No Reader
// role is needed: Resource Graph returns what the identity may read, and the custom role's read
// actions grant exactly that here.
// Not compiled on the build machines (no Bicep compiler there): see docs/deploy.md.
targetScope = 'subscription'

@description('azd environment name of the central deployment.')
param environmentName string

@description('Name of the event subscription on this subscription\'s topic (eventgrid.bicep: baseline-guard-<suffix>).')
param eventSubscriptionName string = 'baseline-guard-${uniqueString(subscription().id, environmentName)}'

@description('Region of the resource group created for the system topic.')
param location string = deployment().location

@description('Resource id of the central Baseline Guard function app.')
param functionAppId string

@description('Principal id of Baseline Guard\'s identity.')
param guardPrincipalId string

@description('Subscription, resource group and name of the central storage account with the dead-letter container.')
param storageSubscriptionId string
param storageResourceGroup string
param storageAccountName string
param deadLetterContainerName string = 'eventgrid-deadletter'

@description('Resource group created in this subscription for the system topic.')
param topicResourceGroupName string = 'rg-${environmentName}-events'

@description('Existing Microsoft.Resources.Subscriptions system topic of this subscription to reuse (it must have a system-assigned identity). Empty: create one.')
param existingSystemTopicName string = ''
param existingSystemTopicResourceGroup string = ''

var reuseSystemTopic = !empty(existingSystemTopicName)
// Nested deployment names: unique per environment in this subscription, within ARM's 64 characters.
var deploymentSuffix = uniqueString(subscription().id, environmentName)
var systemTopicName = reuseSystemTopic ? existingSystemTopicName : 'evgt-bg-${uniqueString(subscription().id, environmentName)}'
var systemTopicResourceGroup = reuseSystemTopic ? existingSystemTopicResourceGroup : topicResourceGroupName

resource topicGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = if (!reuseSystemTopic) {
  name: topicResourceGroupName
  location: location
  tags: {
    'azd-env-name': environmentName
  }
}

module systemTopic 'system-topic.bicep' = {
  name: 'bg-system-topic-${deploymentSuffix}'
  scope: resourceGroup(systemTopicResourceGroup)
  params: {
    name: systemTopicName
    create: !reuseSystemTopic
  }
  dependsOn: [
    topicGroup
  ]
}

module deadLetterAccess 'dead-letter-access.bicep' = {
  name: 'bg-dead-letter-${deploymentSuffix}'
  scope: resourceGroup(storageSubscriptionId, storageResourceGroup)
  params: {
    storageAccountName: storageAccountName
    deadLetterContainerName: deadLetterContainerName
    topicPrincipalId: systemTopic.outputs.principalId
  }
}

module resourceWrites 'event-subscription.bicep' = {
  name: 'bg-event-subscription-${deploymentSuffix}'
  scope: resourceGroup(systemTopicResourceGroup)
  params: {
    name: eventSubscriptionName
    systemTopicName: systemTopic.outputs.name
    functionAppId: functionAppId
    storageAccountId: resourceId(storageSubscriptionId, storageResourceGroup, 'Microsoft.Storage/storageAccounts', storageAccountName)
    deadLetterContainerName: deadLetterContainerName
  }
  dependsOn: [
    deadLetterAccess
  ]
}

module guardRole 'guard-role.bicep' = {
  name: 'bg-role-${deploymentSuffix}'
  params: {
    principalId: guardPrincipalId
    environmentName: environmentName
  }
}

output systemTopicId string = systemTopic.outputs.id
output eventSubscriptionId string = resourceWrites.outputs.id
output roleDefinitionId string = guardRole.outputs.roleDefinitionId
