#!/bin/sh
# azd preprovision hook: a subscription can hold only one Microsoft.Resources.Subscriptions system topic
# ("Only one system topic is allowed per source"). Before main.bicep runs, look for this subscription's
# topic and, when one exists that this environment did not create, tell main.bicep to reuse it
# (EXISTING_SYSTEM_TOPIC_NAME / EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP in the azd environment).
#
# A topic this environment created carries the tag azd-env-name=<environment> and stays created (and is
# deleted with the environment's resource group by azd down). A reused topic is never created, changed or
# deleted by main.bicep or azd down; only this environment's event subscription is added to it. Reusing
# needs the topic's system-assigned identity (dead-lettering); without one the hook stops and says how to
# add it. Needs: az signed in (az login), azd on PATH. One az call; no waiting.
# Exit codes: 0 done, 2 a prerequisite is missing or the topic cannot be reused, 1 az failed (common.sh).
set -eu

. "$(dirname "$0")/common.sh"

require AZURE_ENV_NAME AZURE_SUBSCRIPTION_ID
require_az
command -v azd >/dev/null 2>&1 || fail 2 "azd is not on PATH; this hook stores its result with azd env set"

# use_topic NAME GROUP: record the topic to reuse ("" "": create one). azd env set only when it changes.
use_topic() {
  if [ "${EXISTING_SYSTEM_TOPIC_NAME:-}" != "$1" ] || [ "${EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP:-}" != "$2" ]; then
    azd env set EXISTING_SYSTEM_TOPIC_NAME "$1" || fail 1 "azd env set EXISTING_SYSTEM_TOPIC_NAME failed"
    azd env set EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP "$2" || fail 1 "azd env set EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP failed"
  fi
}

err=$(mktemp)
if ! topics=$(az eventgrid system-topic list --subscription "$AZURE_SUBSCRIPTION_ID" --only-show-errors \
    --query "[?topicType=='Microsoft.Resources.Subscriptions'].[name, resourceGroup, tags.\"azd-env-name\", identity.type]" \
    --output tsv 2>"$err"); then
  echo "error: az eventgrid system-topic list failed in subscription $AZURE_SUBSCRIPTION_ID:" >&2
  cat "$err" >&2
  rm -f "$err"
  exit 1
fi
rm -f "$err"

if [ -z "$topics" ]; then
  echo "No Microsoft.Resources.Subscriptions system topic in $AZURE_SUBSCRIPTION_ID yet: main.bicep creates one."
  use_topic "" ""
  exit 0
fi

# One topic per source: the first line is the subscription's topic.
line=$(printf '%s\n' "$topics" | head -n 1)
tab=$(printf '\t')
name=$(printf '%s' "$line" | cut -d "$tab" -f 1)
group=$(printf '%s' "$line" | cut -d "$tab" -f 2)
owner=$(printf '%s' "$line" | cut -d "$tab" -f 3)
identity=$(printf '%s' "$line" | cut -d "$tab" -f 4)

if [ "$owner" = "$AZURE_ENV_NAME" ]; then
  echo "System topic $name ($group) belongs to this environment: main.bicep keeps managing it."
  use_topic "" ""
  exit 0
fi

case "$identity" in
  *SystemAssigned*) ;;
  *)
    fail 2 "the subscription's system topic $name (resource group $group${owner:+, environment $owner}) has no system-assigned identity, which dead-lettering needs. Add one, then run azd up again: az eventgrid system-topic update --subscription $AZURE_SUBSCRIPTION_ID --resource-group $group --name $name --identity systemassigned (check first that the topic's owner accepts it)"
    ;;
esac

echo "Reusing the subscription's system topic $name (resource group $group${owner:+, created by environment $owner}); azd down will not delete it."
use_topic "$name" "$group"
