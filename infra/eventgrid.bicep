// The second deployment: the Event Grid subscription from this subscription's system topic to the
// OnResourceWrite function, and the onboarding of every additional subscription. Run after the code is
// deployed (infra/hooks/postdeploy.sh does it for `azd up`): Event Grid refuses to create an
// AzureFunction destination whose function does not exist yet.
// Not compiled on the build machines (no Bicep compiler there): see docs/deploy.md.
targetScope = 'subscription'

@description('azd environment name (as for main.bicep).')
param environmentName string

@description('Resource id of the Baseline Guard function app (main.bicep output FUNCTION_APP_ID).')
param functionAppId string

@description('Name of this subscription\'s system topic (main.bicep output SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('Its resource group (main.bicep output SYSTEM_TOPIC_RESOURCE_GROUP).')
param systemTopicResourceGroup string

@description('Resource id of the storage account with the dead-letter container (main.bicep output STORAGE_ACCOUNT_ID).')
param storageAccountId string

@description('The dead-letter container (main.bicep output DEAD_LETTER_CONTAINER_NAME).')
param deadLetterContainerName string

@description('Principal id of Baseline Guard\'s identity (main.bicep output GUARD_IDENTITY_PRINCIPAL_ID).')
param guardPrincipalId string

@description('More subscriptions to guard: each gets a system topic, an event subscription to this app and the custom role. A subscription that already has a system topic is onboarded with modules/subscription-onboarding.bicep directly (docs/deploy.md).')
param additionalSubscriptionIds array = []

@description('Region for the resource groups created in additional subscriptions.')
param location string = deployment().location

// storageAccountId is /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}
var storageIdParts = split(storageAccountId, '/')

// The same suffix as main.bicep's (same subscription, same environment): nested deployment names and the
// event subscription name are unique per environment (two environments can share one system topic).
var deploymentSuffix = uniqueString(subscription().id, environmentName)
var eventSubscriptionName = 'baseline-guard-${deploymentSuffix}'

module resourceWrites 'modules/event-subscription.bicep' = {
  name: 'bg-event-subscription-${deploymentSuffix}'
  scope: resourceGroup(systemTopicResourceGroup)
  params: {
    name: eventSubscriptionName
    systemTopicName: systemTopicName
    functionAppId: functionAppId
    storageAccountId: storageAccountId
    deadLetterContainerName: deadLetterContainerName
  }
}

module onboarding 'modules/subscription-onboarding.bicep' = [for subscriptionId in additionalSubscriptionIds: {
  name: 'bg-onboarding-${uniqueString(subscriptionId, environmentName)}'
  scope: subscription(subscriptionId)
  params: {
    environmentName: environmentName
    eventSubscriptionName: eventSubscriptionName
    location: location
    functionAppId: functionAppId
    guardPrincipalId: guardPrincipalId
    storageSubscriptionId: storageIdParts[2]
    storageResourceGroup: storageIdParts[4]
    storageAccountName: storageIdParts[8]
    deadLetterContainerName: deadLetterContainerName
  }
}]

output EVENT_SUBSCRIPTION_ID string = resourceWrites.outputs.id
output EVENT_SUBSCRIPTION_NAME string = eventSubscriptionName
