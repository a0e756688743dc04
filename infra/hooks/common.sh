# Shared by the azd hooks (POSIX sh). Sourced, not run.
#
# Exit codes of the hooks: 0 done; 2 a prerequisite is missing (az not installed, not signed in, no access
# to the subscription, an azd value missing); 1 an Azure operation failed or did not finish in time.

# fail CODE MESSAGE...: print "error: MESSAGE" to stderr and exit with CODE.
fail() {
  code=$1
  shift
  echo "error: $*" >&2
  exit "$code"
}

# require NAME...: each must be set and non-empty in the environment azd passes to hooks.
require() {
  for name in "$@"; do
    eval "value=\${$name:-}"
    [ -n "$value" ] || fail 2 "$name is not set. Run the hook through azd (azd up, azd provision, azd hooks run), or export the azd environment first: eval \"\$(azd env get-values)\""
  done
}

# require_az: the Azure CLI is installed and signed in with access to AZURE_SUBSCRIPTION_ID.
# azd's own sign-in (azd auth login) is not shared with az.
require_az() {
  command -v az >/dev/null 2>&1 || fail 2 "the Azure CLI (az) is not installed or not on PATH. Install it (https://learn.microsoft.com/cli/azure/install-azure-cli), then run: az login"
  az_err=$(mktemp)
  if ! current=$(az account show --subscription "$AZURE_SUBSCRIPTION_ID" --query id --output tsv 2>"$az_err"); then
    detail=$(tail -n 3 "$az_err" | tr '\n' ' ')
    rm -f "$az_err"
    fail 2 "az cannot use subscription $AZURE_SUBSCRIPTION_ID: ${detail:-no detail}. Sign in with an account that can deploy there: az login (then az account set --subscription $AZURE_SUBSCRIPTION_ID)"
  fi
  rm -f "$az_err"
  [ "$(printf '%s' "$current" | tr 'A-F' 'a-f' | tr -d '[:space:]')" = "$(printf '%s' "$AZURE_SUBSCRIPTION_ID" | tr 'A-F' 'a-f')" ] \
    || fail 2 "az answered for subscription '$current', not $AZURE_SUBSCRIPTION_ID"
}
