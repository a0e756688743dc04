package com.baselineguard.event;

import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps the resource an event names to the resource Baseline Guard evaluates.
 *
 * <p>{@code data.resourceUri} is preferred over the subject: it is the id the operation was
 * authorised against and is present in both schemas. The subject is used when there is no
 * {@code resourceUri}. When both are present and both are resource ids but name different
 * resources (a deployment can emit a first event with a temporary {@code resourceUri}; the second
 * event, linked by {@code correlationId}, carries the final one), the target follows
 * {@code resourceUri} and the disagreement is recorded. When {@code resourceUri} is present but is
 * not a resource id while the subject is, the event is inconsistent and is skipped.
 */
final class TargetResolver {

    private static final String DIAGNOSTIC_SETTINGS = "Microsoft.Insights/diagnosticSettings";

    /** Child types (the segment below the supported resource) whose changes affect that resource. */
    private static final Map<ResourceType, List<String>> AFFECTING_CHILDREN = Map.of(
            ResourceType.REDIS, List.of("firewallRules", "privateEndpointConnections", "patchSchedules", "linkedServers"),
            ResourceType.REDIS_ENTERPRISE, List.of("privateEndpointConnections"),
            ResourceType.REDIS_ENTERPRISE_DATABASE, List.of(),
            ResourceType.BATCH_ACCOUNT, List.of("privateEndpointConnections", "certificates", "applications"),
            ResourceType.BATCH_POOL, List.of());

    private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)/subscriptions/[^/]+/?");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/?");
    private static final Pattern SUBSCRIPTION_LEVEL = Pattern.compile("(?i)/subscriptions/[^/]+/providers/.*");
    private static final Pattern TENANT_LEVEL = Pattern.compile("(?i)/providers/.*");

    private TargetResolver() {
    }

    static TargetResolution resolve(String resourceUri, String subject) {
        boolean hasUri = !resourceUri.isBlank();
        boolean hasSubject = !subject.isBlank();
        if (!hasUri && !hasSubject) {
            return new TargetResolution.Skip("the event names no resource (no data.resourceUri, no subject)");
        }
        if (!hasUri) {
            return parse("subject", subject).map(TargetResolver::evaluate, TargetResolver::skip);
        }
        Parsed fromUri = parse("resourceUri", resourceUri);
        Parsed fromSubject = hasSubject ? parse("subject", subject) : null;
        if (fromUri.id == null) {
            if (fromSubject != null && fromSubject.id != null) {
                return new TargetResolution.Skip("resourceUri and subject disagree: " + fromUri.problem
                        + ", but the subject is " + abbreviate(subject));
            }
            return new TargetResolution.Skip(fromUri.problem);
        }
        TargetResolution resolution = evaluate(fromUri.id);
        boolean disagree = fromSubject != null && !fromUri.id.equals(fromSubject.id);
        if (disagree && resolution instanceof TargetResolution.Evaluate found) {
            return new TargetResolution.Evaluate(found.target(), found.type(), found.changed(), true);
        }
        return resolution;
    }

    private static TargetResolution skip(String problem) {
        return new TargetResolution.Skip(problem);
    }

    private static TargetResolution evaluate(ResourceId changed) {
        Optional<ResourceType> own = ResourceType.fromArmType(changed.type());
        if (own.isPresent()) {
            return new TargetResolution.Evaluate(changed, own.get(), changed, false);
        }
        if (changed.type().equalsIgnoreCase(DIAGNOSTIC_SETTINGS)) {
            Optional<ResourceId> parent = changed.parent();
            Optional<ResourceType> parentType = parent.flatMap(p -> ResourceType.fromArmType(p.type()));
            if (parentType.isPresent()) {
                return new TargetResolution.Evaluate(parent.get(), parentType.get(), changed, false);
            }
            return new TargetResolution.Skip("diagnostic setting of a " + parent.map(ResourceId::type).orElse("resource group")
                    + ", which is not evaluated");
        }
        List<ResourceId> chain = changed.selfAndAncestors();
        for (ResourceId ancestor : chain.subList(1, chain.size())) {
            Optional<ResourceType> type = ResourceType.fromArmType(ancestor.type());
            if (type.isEmpty()) {
                continue;
            }
            String prefix = ancestor.type().toLowerCase(Locale.ROOT) + "/";
            String full = changed.type().toLowerCase(Locale.ROOT);
            if (!full.startsWith(prefix)) {
                return new TargetResolution.Skip("extension resource " + changed.type() + " on a " + type.get()
                        + " is not evaluated");
            }
            String child = changed.type().substring(prefix.length()).split("/")[0];
            boolean affecting = AFFECTING_CHILDREN.get(type.get()).stream().anyMatch(child::equalsIgnoreCase);
            if (affecting) {
                return new TargetResolution.Evaluate(ancestor, type.get(), changed, false);
            }
            return new TargetResolution.Skip("child type " + changed.type() + " of a " + type.get() + " is not evaluated");
        }
        return new TargetResolution.Skip("type " + changed.type() + " is not evaluated");
    }

    /** A resource id, or the one-line reason the text is not one. */
    private record Parsed(ResourceId id, String problem) {

        <T> T map(java.util.function.Function<ResourceId, T> ok, java.util.function.Function<String, T> bad) {
            return id != null ? ok.apply(id) : bad.apply(problem);
        }
    }

    private static Parsed parse(String field, String text) {
        String trimmed = text.trim();
        if (SUBSCRIPTION.matcher(trimmed).matches()) {
            return new Parsed(null, field + " is a subscription, not a resource");
        }
        if (RESOURCE_GROUP.matcher(trimmed).matches()) {
            return new Parsed(null, field + " is a resource group, not a resource");
        }
        if (SUBSCRIPTION_LEVEL.matcher(trimmed).matches() || TENANT_LEVEL.matcher(trimmed).matches()) {
            return new Parsed(null, field + " is a resource outside any resource group, which is not evaluated: "
                    + abbreviate(trimmed));
        }
        try {
            return new Parsed(ResourceId.parse(trimmed), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, field + " is not a resource id: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
