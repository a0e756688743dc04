// The Baseline Guard compliance workbook over the outcome records in Application Insights.
// Queries: infra/workbook/baseline-guard.workbook.json (fields checked against the outcome record
// by WorkbookTest).
@description('Location of the workbook resource.')
param location string

@description('Resource id of the Application Insights component that receives the outcome records.')
param applicationInsightsId string

@description('Display name of the workbook.')
param displayName string = 'Baseline Guard compliance'

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // Workbook names must be GUIDs; derive a stable one so redeployments update it.
  name: guid(resourceGroup().id, applicationInsightsId, 'baseline-guard-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: loadTextContent('../workbook/baseline-guard.workbook.json')
  }
}

output workbookId string = workbook.id
