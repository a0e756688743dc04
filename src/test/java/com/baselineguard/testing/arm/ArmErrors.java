package com.baselineguard.testing.arm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The error answers ARM gives, with the codes and wording of recorded responses: the session records of
 * Azure/azure-libraries-for-java ({@code azure-mgmt-batch/src/test/resources/session-records/canCRUDBatchAccount.json},
 * {@code azure-mgmt-sql/.../canCRUDSqlServerWithImportDatabase.json},
 * {@code azure-mgmt-redis/.../canCRUDRedisCache.json}, {@code azure-mgmt-appservice/.../canCRUDAppServicePlan.json})
 * and the error envelope of Azure/azure-resource-manager-rpc {@code v1.0/common-api-details.md}.
 */
final class ArmErrors {

    private static final DateTimeFormatter BATCH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ArmErrors() {
    }

    /**
     * 404 for a resource that does not exist. A Batch account answers as the Batch RP does
     * ({@code AccountNotFound}, recording canCRUDBatchAccount[48]); anything else with the ARM
     * gateway's {@code ResourceNotFound} wording (recording canCRUDSqlServerWithImportDatabase[19]).
     */
    static Reply notFound(String resourcePath) {
        List<String> parts = Arrays.asList(resourcePath.replaceFirst("^/", "").split("/"));
        int group = indexOfIgnoreCase(parts, "resourceGroups");
        int providers = indexOfIgnoreCase(parts, "providers");
        if (group < 0 || group + 1 >= parts.size() || providers < 0 || providers + 1 >= parts.size()) {
            return Reply.json(404, ArmJson.error("ResourceNotFound",
                    "The resource '" + resourcePath + "' was not found."));
        }
        List<String> typeAndNames = parts.subList(providers + 1, parts.size());
        if (typeAndNames.size() == 3 && typeAndNames.get(0).equalsIgnoreCase("Microsoft.Batch")
                && typeAndNames.get(1).equalsIgnoreCase("batchAccounts")) {
            String requestId = UUID.randomUUID().toString();
            return Reply.json(404, ArmJson.error("AccountNotFound", "The specified account does not exist.\nRequestId:"
                    + requestId + "\nTime:" + BATCH_TIME.format(Instant.now()), "BatchAccount"));
        }
        return Reply.json(404, ArmJson.error("ResourceNotFound", "The Resource '" + String.join("/", typeAndNames)
                + "' under resource group '" + parts.get(group + 1) + "' was not found."));
    }

    static Reply missingApiVersion() {
        return Reply.json(400, ArmJson.error("MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests."));
    }

    static Reply authenticationFailed(String why) {
        return Reply.json(401, ArmJson.error("AuthenticationFailed", "Authentication failed. " + why))
                .withHeader("WWW-Authenticate", "Bearer authorization_uri=\"https://login.windows.net/\", "
                        + "error=\"invalid_token\", error_description=\"" + why + "\"");
    }

    static Reply unsupported(Request request) {
        return Reply.json(405, ArmJson.error("MethodNotAllowed", "The ARM stand-in does not serve "
                + request.method().toUpperCase(Locale.ROOT) + " " + request.path() + "."));
    }

    /** The wording ARM uses when a role assignment is missing. */
    static String authorizationFailedMessage(String clientId, String objectId, String action, String scope) {
        return "The client '" + clientId + "' with object id '" + objectId
                + "' does not have authorization to perform action '" + action + "' over scope '" + scope
                + "' or the scope is invalid. If access was recently granted, please refresh your credentials.";
    }

    private static int indexOfIgnoreCase(List<String> parts, String wanted) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
