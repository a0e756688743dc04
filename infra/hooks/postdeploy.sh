#!/bin/sh
# azd postdeploy hook: once the code is deployed, create the Event Grid subscription to OnResourceWrite
# (infra/eventgrid.bicep). Event Grid refuses an AzureFunction destination whose function does not
# exist yet, which is why this is not part of infra/main.bicep.
#
# Reads the azd environment (main.bicep outputs). Needs the Azure CLI, signed in (az login) to the
# tenant of AZURE_SUBSCRIPTION_ID. Optional: ADDITIONAL_SUBSCRIPTION_IDS (comma separated) to onboard
# more subscriptions in the same deployment.
set -eu

: "${AZURE_ENV_NAME:?run through azd, or export the azd environment (azd env get-values)}"
: "${AZURE_SUBSCRIPTION_ID:?}"
: "${AZURE_LOCATION:?}"
: "${FUNCTION_APP_ID:?}"

function_name="OnResourceWrite"

echo "Waiting for ${FUNCTION_APP_ID}/functions/${function_name} to be listed..."
attempt=0
until az rest --method get --only-show-errors --output none \
    --url "${FUNCTION_APP_ID}/functions/${function_name}?api-version=2024-04-01" 2>/dev/null; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "The function ${function_name} is not listed after 5 minutes; was the code deployed (azd deploy)?" >&2
    exit 1
  fi
  sleep 10
done

additional="[]"
if [ -n "${ADDITIONAL_SUBSCRIPTION_IDS:-}" ]; then
  additional="[\"$(printf '%s' "$ADDITIONAL_SUBSCRIPTION_IDS" | tr -d '[:space:]' | sed 's/,/","/g')\"]"
fi

az deployment sub create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --name "baseline-guard-eventgrid-${AZURE_ENV_NAME}" \
  --location "$AZURE_LOCATION" \
  --template-file infra/eventgrid.bicep \
  --parameters \
    environmentName="$AZURE_ENV_NAME" \
    functionAppId="$FUNCTION_APP_ID" \
    systemTopicName="$SYSTEM_TOPIC_NAME" \
    systemTopicResourceGroup="$SYSTEM_TOPIC_RESOURCE_GROUP" \
    storageAccountId="$STORAGE_ACCOUNT_ID" \
    deadLetterContainerName="$DEAD_LETTER_CONTAINER_NAME" \
    guardPrincipalId="$GUARD_IDENTITY_PRINCIPAL_ID" \
    additionalSubscriptionIds="$additional" \
  --output none

echo "Event Grid now delivers resource writes in ${AZURE_SUBSCRIPTION_ID} to ${function_name}."
