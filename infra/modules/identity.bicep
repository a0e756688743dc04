// The user-assigned managed identity Baseline Guard runs as: storage, Application Insights and ARM
// (through the custom role in guard-role.bicep) all authenticate with it.

@description('Name of the identity.')
param name string

param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
