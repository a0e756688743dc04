# Shared by the azd hooks (PowerShell 7 and Windows PowerShell 5.1). Dot-sourced, not run. The same logic
# as common.sh: exit codes 0 done, 2 a prerequisite is missing, 1 an Azure operation failed or timed out.

function Stop-Hook([int] $Code, [string] $Message) {
    [Console]::Error.WriteLine("error: $Message")
    exit $Code
}

# Each name must be set and non-empty in the environment azd passes to hooks.
function Assert-Set([string[]] $Names) {
    foreach ($name in $Names) {
        if (-not [Environment]::GetEnvironmentVariable($name)) {
            Stop-Hook 2 "$name is not set. Run the hook through azd (azd up, azd provision, azd hooks run), or load the azd environment first (azd env get-values)."
        }
    }
}

# The Azure CLI is installed and signed in with access to AZURE_SUBSCRIPTION_ID (azd's sign-in is not shared with az).
function Assert-Az {
    if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
        Stop-Hook 2 "the Azure CLI (az) is not installed or not on PATH. Install it (https://learn.microsoft.com/cli/azure/install-azure-cli), then run: az login"
    }
    $errFile = New-TemporaryFile
    $current = az account show --subscription "$env:AZURE_SUBSCRIPTION_ID" --query id --output tsv 2> $errFile
    $code = $LASTEXITCODE
    $detail = (Get-Content $errFile -Tail 3) -join ' '
    Remove-Item $errFile -ErrorAction SilentlyContinue
    if ($code -ne 0) {
        Stop-Hook 2 "az cannot use subscription $($env:AZURE_SUBSCRIPTION_ID): $detail. Sign in with an account that can deploy there: az login (then az account set --subscription $($env:AZURE_SUBSCRIPTION_ID))"
    }
    if ("$current".Trim().ToLowerInvariant() -ne "$env:AZURE_SUBSCRIPTION_ID".ToLowerInvariant()) {
        Stop-Hook 2 "az answered for subscription '$current', not $($env:AZURE_SUBSCRIPTION_ID)"
    }
}
