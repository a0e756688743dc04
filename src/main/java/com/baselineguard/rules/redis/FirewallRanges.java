package com.baselineguard.rules.redis;

import com.baselineguard.model.JsonPath;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 ranges admitted by a cache's {@code Microsoft.Cache/redis/firewallRules} children
 * ({@code properties.startIP}..{@code properties.endIP}, both required by RedisFirewallRuleProperties in the
 * 2024-11-01 REST spec, specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json).
 */
final class FirewallRanges {

    static final long LAST_ADDRESS = 0xFFFF_FFFFL;

    private static final JsonPath START = JsonPath.of("properties.startIP");
    private static final JsonPath END = JsonPath.of("properties.endIP");
    private static final JsonPath NAME = JsonPath.of("name");

    /** RFC 1918 blocks: 10/8, 172.16/12, 192.168/16. */
    private static final List<Range> PRIVATE = List.of(
            new Range("10/8", 0x0A00_0000L, 0x0AFF_FFFFL),
            new Range("172.16/12", 0xAC10_0000L, 0xAC1F_FFFFL),
            new Range("192.168/16", 0xC0A8_0000L, 0xC0A8_FFFFL));

    /** One rule's range; {@code name} is the rule name without the {@code cache/} prefix some responses carry. */
    record Range(String name, long start, long end) {

        boolean admitsEveryAddress() {
            return start == 0 && end == LAST_ADDRESS;
        }
    }

    /** The rules' ranges, or an error naming the first rule whose range cannot be read. */
    record Parsed(List<Range> ranges, Optional<String> error) {
    }

    private FirewallRanges() {
    }

    static Parsed parse(List<JsonObject> rules) {
        List<Range> ranges = new ArrayList<>();
        for (JsonObject rule : rules) {
            String name = NAME.readString(rule).map(n -> n.substring(n.lastIndexOf('/') + 1)).orElse("?");
            Optional<Long> start = START.readString(rule).flatMap(FirewallRanges::address);
            Optional<Long> end = END.readString(rule).flatMap(FirewallRanges::address);
            if (start.isEmpty() || end.isEmpty() || start.get() > end.get()) {
                return new Parsed(List.of(), Optional.of("firewall rule '" + name + "' has no readable IPv4 range"
                        + " (properties.startIP " + START.readString(rule).orElse("not set") + ", properties.endIP "
                        + END.readString(rule).orElse("not set") + ")"));
            }
            ranges.add(new Range(name, start.get(), end.get()));
        }
        return new Parsed(List.copyOf(ranges), Optional.empty());
    }

    /** How many distinct addresses outside the private blocks the ranges admit (overlaps counted once). */
    static long publicAddresses(List<Range> ranges) {
        long count = 0;
        for (Range merged : union(ranges)) {
            long size = merged.end() - merged.start() + 1;
            for (Range block : PRIVATE) {
                long from = Math.max(block.start(), merged.start());
                long to = Math.min(block.end(), merged.end());
                if (from <= to) {
                    size -= to - from + 1;
                }
            }
            count += size;
        }
        return count;
    }

    private static List<Range> union(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            if (!merged.isEmpty() && range.start() <= merged.get(merged.size() - 1).end() + 1) {
                Range last = merged.remove(merged.size() - 1);
                merged.add(new Range(last.name(), last.start(), Math.max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    /** A dotted-quad IPv4 address as a number, or empty when it is not one. */
    static Optional<Long> address(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value * 256 + octet;
        }
        return Optional.of(value);
    }
}
