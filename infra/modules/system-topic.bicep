// The subscription's Event Grid system topic (Microsoft.Resources.Subscriptions, location global):
// created here, or an existing one reused (a subscription can hold only one). A created topic gets a
// system-assigned identity for dead-lettering; a reused topic must already have one.

@description('Name of the topic to create, or of the existing topic to reuse (in this resource group).')
param name string

@description('false: reuse the existing topic with this name.')
param create bool = true

param tags object = {}

resource createdTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = if (create) {
  name: name
  location: 'global'
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: subscription().id
    topicType: 'Microsoft.Resources.Subscriptions'
  }
}

resource existingTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = if (!create) {
  name: name
}

output id string = create ? createdTopic.id : existingTopic.id
output name string = name
output principalId string = create ? createdTopic.identity.principalId : existingTopic.identity.principalId
