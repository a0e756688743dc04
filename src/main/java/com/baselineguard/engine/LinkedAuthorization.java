package com.baselineguard.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM's 403 {@code LinkedAuthorizationFailed}: the caller may write the resource but lacks an action on a
 * resource the request links to. Writing a diagnostic setting that sends logs to a Log Analytics workspace
 * also needs {@code Microsoft.OperationalInsights/workspaces/sharedKeys/action} on that workspace, and ARM
 * answers (the message as ARM words it, e.g. in Azure/mpf's recorded errors and MicrosoftDocs/azure-docs#80159):
 * <pre>The client '…' with object id '…' has permission to perform action 'Microsoft.Insights/diagnosticSettings/write'
 * on scope '…'; however, it does not have permission to perform action(s)
 * 'Microsoft.OperationalInsights/workspaces/sharedKeys/action' on the linked scope(s) '…/workspaces/…'
 * (respectively) or the linked scope(s) are invalid.</pre>
 * The outcome then names the missing action and the workspace, not the diagnostic-setting write that was allowed.
 */
final class LinkedAuthorization {

    static final String CODE = "LinkedAuthorizationFailed";
    /** The action a Log Analytics destination needs on its workspace. */
    static final String WORKSPACE_ACTION = "Microsoft.OperationalInsights/workspaces/sharedKeys/action";

    /** Both wordings ARM has used: "action(s) 'a' on the linked scope(s) 's'" and "action 'a' on the linked scope(s) 's'". */
    private static final Pattern LINKED = Pattern.compile(
            "does not have permission to perform action(?:\\(s\\))? '([^']+)' on the linked scope\\(s\\) '([^']+)'",
            Pattern.CASE_INSENSITIVE);

    private LinkedAuthorization() {
    }

    /**
     * What is missing, in words an operator can act on, when the error is a linked-authorization failure.
     *
     * @param code ARM's error code
     * @param message ARM's error message
     */
    static Optional<String> describe(String code, String message) {
        if (!CODE.equalsIgnoreCase(code)) {
            return Optional.empty();
        }
        Matcher linked = LINKED.matcher(message == null ? "" : message);
        boolean found = linked.find();
        String action = found ? linked.group(1) : WORKSPACE_ACTION;
        String scope = found ? linked.group(2) : "named in the request";
        String grant = action.equalsIgnoreCase(WORKSPACE_ACTION)
                ? " (grant it on that workspace: a custom role with this action or Log Analytics Contributor; infra/"
                        + " does so for BG_DIAGNOSTICS_WORKSPACE_ID, see docs/deploy.md)"
                : "";
        return Optional.of("permission missing on the linked resource " + scope + ": " + action + grant
                + ". ARM allowed the write itself but refused the link (" + CODE + ")");
    }
}
