package com.baselineguard.rules.redis;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * REDIS-014: Redis 6 or later (PSRule Azure.Redis.Version). The upgrade is blocked while the cache is
 * geo-replicated: Learn (How to upgrade an existing Redis 4 cache to Redis 6) says "Upgrading on geo-replicated
 * cache isn't supported. You must manually unlink the cache instances before upgrading", and a linked cache
 * shows its links in {@code properties.linkedServers} (Redis 2024-11-01 RedisProperties).
 */
public final class RedisVersion extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-014", "Redis.Version")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.LOW)
            .controls("7.1", "7.3")
            .synopsis("Azure Cache for Redis should run Redis version 6 or later.")
            .recommendation("Upgrade the cache to Redis 6 (redisVersion 6) after testing clients; the upgrade is"
                    + " one-way and causes a brief connectivity interruption.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("the cache is not geo-replicated (properties.linkedServers is empty)")
            .build();

    // The exclusive VERSION stage keeps it apart from publicNetworkAccess, which ARM rejects in one request
    // (azure-cli#26204).
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.redisVersion")
            .expect("major version 6 or later, or \"latest\"", RedisFacts::versionSixOrLater)
            .whenAbsent(false, "no version is reported, so version 6 cannot be shown")
            .fixTo(Values.string("6"), FixStage.VERSION);

    private static final JsonPath LINKED_SERVERS = JsonPath.of("properties.linkedServers");

    public RedisVersion() {
        super(METADATA, CHECK);
    }

    /** Why the upgrade cannot run now: the cache is linked to others; empty when it is not. */
    @Override
    protected Optional<String> blocker(ResourceSnapshot cache, RuleSettings settings) {
        List<String> links = new ArrayList<>();
        for (JsonElement link : LINKED_SERVERS.readArray(cache.resource()).map(JsonArray::asList).orElse(List.of())) {
            links.add(link.isJsonObject()
                    ? JsonPath.of("id").readString(link.getAsJsonObject()).map(RedisVersion::lastSegment).orElse("?")
                    : "?");
        }
        if (links.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LINKED_SERVERS + " lists " + links.size() + " linked cache" + (links.size() == 1 ? "" : "s")
                + " (" + String.join(", ", links) + "): upgrading a geo-replicated cache isn't supported, so unlink the"
                + " caches first");
    }

    private static String lastSegment(String id) {
        String trimmed = id.trim();
        return "'" + trimmed.substring(trimmed.lastIndexOf('/') + 1) + "'";
    }
}
