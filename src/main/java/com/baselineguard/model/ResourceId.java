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
        if (hasControlCharacter(id)) {
            // String.trim() would quietly drop a trailing NUL or control character.
            throw new IllegalArgumentException("resource id contains a control character");
        }
        String trimmed = id.trim();
        if (trimmed.length() > 4096) {
            throw new IllegalArgumentException("resource id is longer than 4096 characters");
        }
        if (!trimmed.startsWith("/")) {
            throw new IllegalArgumentException("resource id must start with /subscriptions/: " + abbreviate(trimmed));
        }
        String[] parts = trimmed.substring(1).split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("resource id has an empty segment: " + abbreviate(trimmed));
            }
            if (part.equals(".") || part.equals("..") || part.indexOf('%') >= 0 || part.indexOf('\\') >= 0
                    || part.indexOf('?') >= 0 || part.indexOf('#') >= 0) {
                throw new IllegalArgumentException("resource id has an invalid segment '" + abbreviate(part) + "'");
            }
        }
        if (parts.length < 4 || !parts[0].equalsIgnoreCase("subscriptions")
                || !parts[2].equalsIgnoreCase("resourceGroups")) {
            throw new IllegalArgumentException(
                    "resource id must look like /subscriptions/{id}/resourceGroups/{group}/providers/...: "
                            + abbreviate(trimmed));
        }
        String subscription = parts[1];
        String group = parts[3];
        // Walk the provider sections: providers/{namespace}/{type}/{name}(/{type}/{name})*
        int i = 4;
        String currentType = null;
        String currentName = null;
        int parentEnd = -1;
        int lastEnd = -1;
        if (i >= parts.length) {
            throw new IllegalArgumentException("resource id names a resource group, not a resource: " + abbreviate(trimmed));
        }
        while (i < parts.length) {
            if (!parts[i].equalsIgnoreCase("providers")) {
                throw new IllegalArgumentException("resource id expects 'providers' at segment " + (i + 1) + ": "
                        + abbreviate(trimmed));
            }
            if (i + 3 >= parts.length) {
                throw new IllegalArgumentException("resource id ends before 'providers/{namespace}/{type}/{name}' is complete: "
                        + abbreviate(trimmed));
            }
            String namespace = parts[i + 1];
            StringBuilder typeName = new StringBuilder(namespace).append('/').append(parts[i + 2]);
            String resourceName = parts[i + 3];
            parentEnd = lastEnd;
            lastEnd = endOffset(parts, i + 3);
            i += 4;
            while (i < parts.length && !parts[i].equalsIgnoreCase("providers")) {
                if (i + 1 >= parts.length) {
                    throw new IllegalArgumentException("resource id ends with a type and no name: " + abbreviate(trimmed));
                }
                typeName.append('/').append(parts[i]);
                resourceName = parts[i + 1];
                parentEnd = lastEnd;
                lastEnd = endOffset(parts, i + 1);
                i += 2;
            }
            currentType = typeName.toString();
            currentName = resourceName;
        }
        return new ResourceId(trimmed, subscription, group, currentType, currentName, parentEnd);
    }

    private static boolean hasControlCharacter(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static int endOffset(String[] parts, int lastIndex) {
        int length = 0;
        for (int k = 0; k <= lastIndex; k++) {
            length += 1 + parts[k].length();
        }
        return length;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
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
