# azd postdeploy hook (Windows): the same steps, messages and exit codes as postdeploy.sh. Once the code is
# deployed, create the Event Grid subscription to OnResourceWrite (infra/eventgrid.bicep); Event Grid refuses
# an AzureFunction destination whose function does not exist yet. Needs the Azure CLI signed in (az login).
# Waits up to 5 minutes (BG_HOOK_POLL_ATTEMPTS tries, BG_HOOK_POLL_SECONDS apart). Parameters go to az through
# a parameters file: inline JSON quoting differs between Windows PowerShell 5.1 and PowerShell 7.
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'common.ps1')

Assert-Set @('AZURE_ENV_NAME', 'AZURE_SUBSCRIPTION_ID', 'AZURE_LOCATION', 'FUNCTION_APP_ID', 'SYSTEM_TOPIC_NAME',
    'SYSTEM_TOPIC_RESOURCE_GROUP', 'STORAGE_ACCOUNT_ID', 'DEAD_LETTER_CONTAINER_NAME', 'GUARD_IDENTITY_PRINCIPAL_ID',
    'EVENTGRID_DEPLOYMENT_NAME')
Assert-Az

$functionName = 'OnResourceWrite'
$attempts = if ($env:BG_HOOK_POLL_ATTEMPTS) { [int] $env:BG_HOOK_POLL_ATTEMPTS } else { 30 }
$interval = if ($env:BG_HOOK_POLL_SECONDS) { [int] $env:BG_HOOK_POLL_SECONDS } else { 10 }

$ids = @()
if ($env:ADDITIONAL_SUBSCRIPTION_IDS) {
    foreach ($id in ($env:ADDITIONAL_SUBSCRIPTION_IDS -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })) {
        if ($id -notmatch '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$') {
            Stop-Hook 2 "ADDITIONAL_SUBSCRIPTION_IDS holds '$id', which is not a subscription id (GUID)"
        }
        $ids += $id
    }
}

$work = Join-Path ([IO.Path]::GetTempPath()) ([IO.Path]::GetRandomFileName())
New-Item -ItemType Directory -Path $work | Out-Null
try {
    Write-Host "Waiting for $env:FUNCTION_APP_ID/functions/$functionName to be listed (up to $attempts tries, ${interval}s apart)..."
    $restErr = Join-Path $work 'rest.err'
    $attempt = 1
    while ($true) {
        az rest --method get --only-show-errors --output none `
            --url "$env:FUNCTION_APP_ID/functions/$($functionName)?api-version=2024-04-01" 2> $restErr
        if ($LASTEXITCODE -eq 0) { break }
        if ($attempt -ge $attempts) {
            [Console]::Error.WriteLine("error: the function $functionName is not listed after $attempts tries. Was the code deployed (azd deploy)?")
            [Console]::Error.WriteLine('Last az error:')
            Get-Content $restErr -Tail 5 | ForEach-Object { [Console]::Error.WriteLine($_) }
            exit 1
        }
        $attempt++
        Start-Sleep -Seconds $interval
    }

    $parameters = [ordered]@{
        '$schema'      = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'
        contentVersion = '1.0.0.0'
        parameters     = [ordered]@{
            environmentName = @{ value = $env:AZURE_ENV_NAME }
            functionAppId = @{ value = $env:FUNCTION_APP_ID }
            systemTopicName = @{ value = $env:SYSTEM_TOPIC_NAME }
            systemTopicResourceGroup = @{ value = $env:SYSTEM_TOPIC_RESOURCE_GROUP }
            storageAccountId = @{ value = $env:STORAGE_ACCOUNT_ID }
            deadLetterContainerName = @{ value = $env:DEAD_LETTER_CONTAINER_NAME }
            guardPrincipalId = @{ value = $env:GUARD_IDENTITY_PRINCIPAL_ID }
            additionalSubscriptionIds = @{ value = @($ids) }
        }
    }
    $parametersFile = Join-Path $work 'eventgrid.parameters.json'
    # UTF-8 without a byte order mark in both PowerShell editions.
    [IO.File]::WriteAllText($parametersFile, (ConvertTo-Json -InputObject $parameters -Depth 5))

    Write-Host "Deploying infra/eventgrid.bicep as $env:EVENTGRID_DEPLOYMENT_NAME..."
    $deployErr = Join-Path $work 'deploy.err'
    az deployment sub create `
      --subscription "$env:AZURE_SUBSCRIPTION_ID" `
      --name "$env:EVENTGRID_DEPLOYMENT_NAME" `
      --location "$env:AZURE_LOCATION" `
      --template-file infra/eventgrid.bicep `
      --parameters "@$parametersFile" `
      --only-show-errors `
      --output none 2> $deployErr
    if ($LASTEXITCODE -ne 0) {
        [Console]::Error.WriteLine("error: az deployment sub create failed for $($env:EVENTGRID_DEPLOYMENT_NAME):")
        Get-Content $deployErr | ForEach-Object { [Console]::Error.WriteLine($_) }
        exit 1
    }
} finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Write-Host "Event Grid now delivers resource writes in $env:AZURE_SUBSCRIPTION_ID to $functionName."
