# azd postdeploy hook (Windows): the same as postdeploy.sh. Once the code is deployed, create the Event
# Grid subscription to OnResourceWrite (infra/eventgrid.bicep); Event Grid refuses an AzureFunction
# destination whose function does not exist yet. Needs the Azure CLI, signed in (az login).
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_ENV_NAME', 'AZURE_SUBSCRIPTION_ID', 'AZURE_LOCATION', 'FUNCTION_APP_ID') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set; run through azd" }
}

$functionName = 'OnResourceWrite'

Write-Host "Waiting for $env:FUNCTION_APP_ID/functions/$functionName to be listed..."
$attempt = 0
while ($true) {
    az rest --method get --only-show-errors --output none `
        --url "$env:FUNCTION_APP_ID/functions/$($functionName)?api-version=2024-04-01" 2>$null
    if ($LASTEXITCODE -eq 0) { break }
    $attempt++
    if ($attempt -ge 30) { throw "The function $functionName is not listed after 5 minutes; was the code deployed (azd deploy)?" }
    Start-Sleep -Seconds 10
}

$ids = @()
if ($env:ADDITIONAL_SUBSCRIPTION_IDS) {
    $ids = @($env:ADDITIONAL_SUBSCRIPTION_IDS -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
}
$additional = ConvertTo-Json -InputObject $ids -Compress

az deployment sub create `
  --subscription "$env:AZURE_SUBSCRIPTION_ID" `
  --name "baseline-guard-eventgrid-$env:AZURE_ENV_NAME" `
  --location "$env:AZURE_LOCATION" `
  --template-file infra/eventgrid.bicep `
  --parameters `
    environmentName="$env:AZURE_ENV_NAME" `
    functionAppId="$env:FUNCTION_APP_ID" `
    systemTopicName="$env:SYSTEM_TOPIC_NAME" `
    systemTopicResourceGroup="$env:SYSTEM_TOPIC_RESOURCE_GROUP" `
    storageAccountId="$env:STORAGE_ACCOUNT_ID" `
    deadLetterContainerName="$env:DEAD_LETTER_CONTAINER_NAME" `
    guardPrincipalId="$env:GUARD_IDENTITY_PRINCIPAL_ID" `
    additionalSubscriptionIds="$additional" `
  --output none
if ($LASTEXITCODE -ne 0) { throw "az deployment sub create failed" }

Write-Host "Event Grid now delivers resource writes in $env:AZURE_SUBSCRIPTION_ID to $functionName."
