// The event subscription that delivers resource writes from a subscription's system topic to the
// OnResourceWrite function. Deployed only once the function code exists (infra/eventgrid.bicep, run by
// the azd postdeploy hook): Event Grid refuses an AzureFunction destination it cannot find.

@description('Name of the system topic (in this resource group).')
param systemTopicName string

@description('Resource id of the central Baseline Guard function app.')
param functionAppId string

@description('Resource id of the storage account holding the dead-letter container.')
param storageAccountId string

param deadLetterContainerName string

@description('Name of the event subscription; unique per Baseline Guard environment, since environments can share a topic (3-64 letters, digits and hyphens).')
@minLength(3)
@maxLength(64)
param name string

// The @FunctionName of the Event Grid trigger (com.baselineguard.function.OnResourceWrite).
var functionName = 'OnResourceWrite'

// Exactly com.baselineguard.event.HandledOperations.ALL (InfraConsistencyTest keeps them equal).
// Event Grid allows "25 advanced filters and 25 filter values across all the filters per Event Grid
// subscription", and "All string comparisons aren't case-sensitive", StringIn's included
// (learn.microsoft.com/azure/event-grid/event-filtering, Limitations and Operators).
// Each is an operation its provider publishes (learn.microsoft.com/azure/role-based-access-control/
// permissions/databases, .../compute, .../monitor). A diagnostic-setting write on any resource arrives
// as Microsoft.Insights/diagnosticSettings/write; Microsoft.Cache publishes no provider-scoped form.
var handledOperations = [
  'Microsoft.Cache/redis/write'
  'Microsoft.Cache/redis/firewallRules/write'
  'Microsoft.Cache/redis/privateEndpointConnections/write'
  'Microsoft.Cache/redisEnterprise/write'
  'Microsoft.Cache/redisEnterprise/databases/write'
  'Microsoft.Cache/redisEnterprise/privateEndpointConnections/write'
  'Microsoft.Batch/batchAccounts/write'
  'Microsoft.Batch/batchAccounts/pools/write'
  'Microsoft.Batch/batchAccounts/privateEndpointConnections/write'
  'Microsoft.Batch/batchAccounts/providers/Microsoft.Insights/diagnosticSettings/write'
  'Microsoft.Insights/diagnosticSettings/write'
]

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource resourceWrites 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: name
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionAppId}/functions/${functionName}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Resources.ResourceWriteSuccess'
      ]
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.operationName'
          values: handledOperations
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output id string = resourceWrites.id
