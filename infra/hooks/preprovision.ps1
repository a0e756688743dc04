# azd preprovision hook (Windows): the same steps, messages and exit codes as preprovision.sh. A subscription
# can hold only one Microsoft.Resources.Subscriptions system topic; reuse the existing one unless this
# environment created it (tag azd-env-name), recording the choice with azd env set for main.bicep.
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'common.ps1')

Assert-Set @('AZURE_ENV_NAME', 'AZURE_SUBSCRIPTION_ID')
Assert-Az
if (-not (Get-Command azd -ErrorAction SilentlyContinue)) {
    Stop-Hook 2 'azd is not on PATH; this hook stores its result with azd env set'
}

# Record the topic to reuse ('' '': create one); azd env set only when it changes.
function Use-Topic([string] $Name, [string] $Group) {
    if ("$env:EXISTING_SYSTEM_TOPIC_NAME" -ne $Name -or "$env:EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP" -ne $Group) {
        azd env set EXISTING_SYSTEM_TOPIC_NAME "$Name"
        if ($LASTEXITCODE -ne 0) { Stop-Hook 1 'azd env set EXISTING_SYSTEM_TOPIC_NAME failed' }
        azd env set EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP "$Group"
        if ($LASTEXITCODE -ne 0) { Stop-Hook 1 'azd env set EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP failed' }
    }
}

# JSON rather than a JMESPath projection with a quoted tag name: Windows PowerShell 5.1 strips embedded
# double quotes from native command arguments.
$errFile = New-TemporaryFile
$json = az eventgrid system-topic list --subscription "$env:AZURE_SUBSCRIPTION_ID" --only-show-errors `
    --query "[?topicType=='Microsoft.Resources.Subscriptions']" --output json 2> $errFile
if ($LASTEXITCODE -ne 0) {
    [Console]::Error.WriteLine("error: az eventgrid system-topic list failed in subscription $($env:AZURE_SUBSCRIPTION_ID):")
    Get-Content $errFile | ForEach-Object { [Console]::Error.WriteLine($_) }
    Remove-Item $errFile -ErrorAction SilentlyContinue
    exit 1
}
Remove-Item $errFile -ErrorAction SilentlyContinue

# One topic per source: the first is the subscription's topic.
# (Windows PowerShell 5.1's ConvertFrom-Json emits an array as one object; ForEach-Object unrolls it.)
$topic = @(($json -join "`n") | ConvertFrom-Json | ForEach-Object { $_ }) | Select-Object -First 1
if (-not $topic) {
    Write-Host "No Microsoft.Resources.Subscriptions system topic in $env:AZURE_SUBSCRIPTION_ID yet: main.bicep creates one."
    Use-Topic '' ''
    exit 0
}

$name = $topic.name
$group = $topic.resourceGroup
$owner = if ($topic.tags) { "$($topic.tags.'azd-env-name')" } else { '' }
$identity = if ($topic.identity) { "$($topic.identity.type)" } else { '' }

if ($owner -eq $env:AZURE_ENV_NAME) {
    Write-Host "System topic $name ($group) belongs to this environment: main.bicep keeps managing it."
    Use-Topic '' ''
    exit 0
}

$ownerNote = if ($owner) { ", environment $owner" } else { '' }
if ($identity -notlike '*SystemAssigned*') {
    Stop-Hook 2 "the subscription's system topic $name (resource group $group$ownerNote) has no system-assigned identity, which dead-lettering needs. Add one, then run azd up again: az eventgrid system-topic update --subscription $($env:AZURE_SUBSCRIPTION_ID) --resource-group $group --name $name --identity systemassigned (check first that the topic's owner accepts it)"
}

$createdNote = if ($owner) { ", created by environment $owner" } else { '' }
Write-Host "Reusing the subscription's system topic $name (resource group $group$createdNote); azd down will not delete it."
Use-Topic $name $group
