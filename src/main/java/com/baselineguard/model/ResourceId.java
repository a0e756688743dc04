package com.baselineguard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed Azure Resource Manager resource id:
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{childType}/{childName}]...},
 * optionally followed by an extension resource
 * ({@code .../providers/Microsoft.Insights/diagnosticSettings/{name}}).
 *
 * <p>Only ids that can exist parse, so an id that reaches ARM names something ARM could hold;
 * {@link ResourceIdRules} holds the rules, each with its public source.
 *
 * <p>ARM treats ids case-insensitively; {@link #equals} does too, and {@link #toString} keeps the
 * caller's spelling.
 */
public final class ResourceId {

    private final String text;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String type;
    private final String name;
    private final int parentLength;

    private ResourceId(String text, String subscriptionId, String resourceGroup, String type, String name,
            int parentLength) {
        this.text = text;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.type = type;
        this.name = name;
        this.parentLength = parentLength;
    }

    /**
     * Parses a resource id.
     *
     * @throws IllegalArgumentException naming the problem when {@code id} is not a resource id
     */
    public static ResourceId parse(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("resource id is empty");
        }
        if (ResourceIdRules.hasControlCharacter(id)) {
            // String.trim() would quietly drop a trailing NUL or control character.
            throw new IllegalArgumentException("resource id contains a control character");
        }
        String trimmed = id.trim();
        if (trimmed.length() > 4096) {
            throw new IllegalArgumentException("resource id is longer than 4096 characters");
        }
        if (!trimmed.startsWith("/")) {
            throw new IllegalArgumentException("resource id must start with /subscriptions/: " + ResourceIdRules.abbreviate(trimmed));
        }
        String[] parts = trimmed.substring(1).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("resource id has an empty segment: " + ResourceIdRules.abbreviate(trimmed));
            }
            if (part.equals(".") || part.equals("..") || part.indexOf('%') >= 0 || part.indexOf('\\') >= 0
                    || part.indexOf('?') >= 0 || part.indexOf('#') >= 0) {
                throw new IllegalArgumentException("resource id has an invalid segment '" + ResourceIdRules.abbreviate(part) + "'");
            }
        }
        if (parts.length < 4 || !parts[0].equalsIgnoreCase("subscriptions")
                || !parts[2].equalsIgnoreCase("resourceGroups")) {
            throw new IllegalArgumentException(
                    "resource id must look like /subscriptions/{id}/resourceGroups/{group}/providers/...: "
                            + ResourceIdRules.abbreviate(trimmed));
        }
        String subscription = parts[1];
        String group = parts[3];
        if (!isSubscriptionId(subscription)) {
            throw new IllegalArgumentException("resource id has subscription '" + ResourceIdRules.abbreviate(subscription)
                    + "', which is not a subscription id (a GUID): " + ResourceIdRules.abbreviate(trimmed));
        }
        ResourceIdRules.checkResourceGroup(group, trimmed);
        // Walk the provider sections: providers/{namespace}/{type}/{name}(/{type}/{name})*
        int i = 4;
        String currentType = null;
        String currentName = null;
        int parentEnd = -1;
        int lastEnd = -1;
        if (i >= parts.length) {
            throw new IllegalArgumentException("resource id names a resource group, not a resource: " + ResourceIdRules.abbreviate(trimmed));
        }
        while (i < parts.length) {
            if (!parts[i].equalsIgnoreCase("providers")) {
                throw new IllegalArgumentException("resource id expects 'providers' at segment " + (i + 1) + ": "
                        + ResourceIdRules.abbreviate(trimmed));
            }
            if (i + 3 >= parts.length) {
                throw new IllegalArgumentException("resource id ends before 'providers/{namespace}/{type}/{name}' is complete: "
                        + ResourceIdRules.abbreviate(trimmed));
            }
            String namespace = parts[i + 1];
            if (!ResourceIdRules.isNamespace(namespace)) {
                throw new IllegalArgumentException("resource id has provider namespace '" + ResourceIdRules.abbreviate(namespace)
                        + "', which is not of the form Company.Service: " + ResourceIdRules.abbreviate(trimmed));
            }
            ResourceIdRules.checkTypeSegment(parts[i + 2], trimmed);
            StringBuilder typeName = new StringBuilder(namespace).append('/').append(parts[i + 2]);
            String resourceName = parts[i + 3];
            ResourceIdRules.checkName(typeName, resourceName, trimmed);
            parentEnd = lastEnd;
            lastEnd = endOffset(parts, i + 3);
            i += 4;
            while (i < parts.length && !parts[i].equalsIgnoreCase("providers")) {
                if (i + 1 >= parts.length) {
                    throw new IllegalArgumentException("resource id ends with a type and no name: " + ResourceIdRules.abbreviate(trimmed));
                }
                ResourceIdRules.checkTypeSegment(parts[i], trimmed);
                typeName.append('/').append(parts[i]);
                resourceName = parts[i + 1];
                ResourceIdRules.checkName(typeName, resourceName, trimmed);
                parentEnd = lastEnd;
                lastEnd = endOffset(parts, i + 1);
                i += 2;
            }
            currentType = typeName.toString();
            currentName = resourceName;
        }
        return new ResourceId(trimmed, subscription, group, currentType, currentName, parentEnd);
    }

    /**
     * True when {@code text} is a subscription id: a GUID, the only form ARM accepts
     * ({@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}).
     */
    public static boolean isSubscriptionId(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int k = 0; k < 36; k++) {
            char c = text.charAt(k);
            boolean ok = k == 8 || k == 13 || k == 18 || k == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int endOffset(String[] parts, int lastIndex) {
        int length = 0;
        for (int k = 0; k <= lastIndex; k++) {
            length += 1 + parts[k].length();
        }
        return length;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    /**
     * The full type of the resource this id names: {@code Microsoft.Cache/redis/firewallRules} for a
     * firewall rule, {@code Microsoft.Insights/diagnosticSettings} for an extension resource.
     */
    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** The resource this one is a child or extension of, if any. */
    public Optional<ResourceId> parent() {
        return parentLength < 0 ? Optional.empty() : Optional.of(parse(text.substring(0, parentLength)));
    }

    /** This id and its ancestors, nearest first. */
    public List<ResourceId> selfAndAncestors() {
        List<ResourceId> chain = new ArrayList<>();
        Optional<ResourceId> current = Optional.of(this);
        while (current.isPresent()) {
            chain.add(current.get());
            current = current.get().parent();
        }
        return chain;
    }

    /** True when {@code other} is this id or lies beneath it. */
    public boolean contains(ResourceId other) {
        int length = text.length();
        return other.text.regionMatches(true, 0, text, 0, length)
                && (other.text.length() == length || other.text.charAt(length) == '/');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other && other.text.equalsIgnoreCase(text);
    }

    @Override
    public int hashCode() {
        return text.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
