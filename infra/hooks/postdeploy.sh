#!/bin/sh
# azd postdeploy hook: once the code is deployed, create the Event Grid subscription to OnResourceWrite
# (infra/eventgrid.bicep). Event Grid refuses an AzureFunction destination whose function does not
# exist yet, which is why this is not part of infra/main.bicep.
#
# Needs: the Azure CLI, signed in (az login) with an account that can deploy to AZURE_SUBSCRIPTION_ID,
# and the azd environment (main.bicep outputs). Waits up to 5 minutes (30 tries, 10 s apart) for the
# function to be listed. Optional: ADDITIONAL_SUBSCRIPTION_IDS (comma separated) to onboard more
# subscriptions in the same deployment; BG_HOOK_POLL_ATTEMPTS and BG_HOOK_POLL_SECONDS change the wait.
# Exit codes: 0 done, 2 a prerequisite is missing, 1 the wait or the deployment failed (infra/hooks/common.sh).
set -eu

. "$(dirname "$0")/common.sh"

require AZURE_ENV_NAME AZURE_SUBSCRIPTION_ID AZURE_LOCATION FUNCTION_APP_ID SYSTEM_TOPIC_NAME \
  SYSTEM_TOPIC_RESOURCE_GROUP STORAGE_ACCOUNT_ID DEAD_LETTER_CONTAINER_NAME GUARD_IDENTITY_PRINCIPAL_ID \
  EVENTGRID_DEPLOYMENT_NAME
require_az

function_name="OnResourceWrite"
attempts=${BG_HOOK_POLL_ATTEMPTS:-30}
interval=${BG_HOOK_POLL_SECONDS:-10}

# Additional subscriptions: GUIDs only, so the parameters file below needs no escaping.
additional=""
if [ -n "${ADDITIONAL_SUBSCRIPTION_IDS:-}" ]; then
  for id in $(printf '%s' "$ADDITIONAL_SUBSCRIPTION_IDS" | tr ',' ' '); do
    printf '%s' "$id" | grep -Eq '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' \
      || fail 2 "ADDITIONAL_SUBSCRIPTION_IDS holds '$id', which is not a subscription id (GUID)"
    additional="${additional:+$additional, }\"$id\""
  done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Waiting for ${FUNCTION_APP_ID}/functions/${function_name} to be listed (up to $attempts tries, ${interval}s apart)..."
attempt=1
until az rest --method get --only-show-errors --output none \
    --url "${FUNCTION_APP_ID}/functions/${function_name}?api-version=2024-04-01" 2>"$work/rest.err"; do
  if [ "$attempt" -ge "$attempts" ]; then
    echo "error: the function ${function_name} is not listed after $attempts tries. Was the code deployed (azd deploy)?" >&2
    echo "Last az error:" >&2
    tail -n 5 "$work/rest.err" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep "$interval"
done

# Parameters go through a file: no shell quoting of JSON on any platform.
cat > "$work/eventgrid.parameters.json" <<JSON
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "environmentName": {"value": "${AZURE_ENV_NAME}"},
    "functionAppId": {"value": "${FUNCTION_APP_ID}"},
    "systemTopicName": {"value": "${SYSTEM_TOPIC_NAME}"},
    "systemTopicResourceGroup": {"value": "${SYSTEM_TOPIC_RESOURCE_GROUP}"},
    "storageAccountId": {"value": "${STORAGE_ACCOUNT_ID}"},
    "deadLetterContainerName": {"value": "${DEAD_LETTER_CONTAINER_NAME}"},
    "guardPrincipalId": {"value": "${GUARD_IDENTITY_PRINCIPAL_ID}"},
    "additionalSubscriptionIds": {"value": [${additional}]}
  }
}
JSON

echo "Deploying infra/eventgrid.bicep as $EVENTGRID_DEPLOYMENT_NAME..."
if ! az deployment sub create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --name "$EVENTGRID_DEPLOYMENT_NAME" \
  --location "$AZURE_LOCATION" \
  --template-file infra/eventgrid.bicep \
  --parameters "@$work/eventgrid.parameters.json" \
  --only-show-errors \
  --output none 2>"$work/deploy.err"; then
  echo "error: az deployment sub create failed for $EVENTGRID_DEPLOYMENT_NAME:" >&2
  cat "$work/deploy.err" >&2
  exit 1
fi

echo "Event Grid now delivers resource writes in ${AZURE_SUBSCRIPTION_ID} to ${function_name}."
