package com.baselineguard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.baselineguard.arm.ArmActions;
import com.baselineguard.arm.RelatedCollection;
import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Request;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ArmActions.ALL is exactly what the code does: every gateway method is driven against the stand-in
 * for every supported type, each recorded request is mapped (method + path shape) to the RBAC action
 * ARM checks for it, and the set must equal the declared one. The action each RelatedCollection names is
 * the one its list requests map to.
 */
class LeastPrivilegeTest {

    @Test
    void theDeclaredActionsAreExactlyThoseTheGatewayPerforms() {
        try (LiveHarness live = LiveHarness.start()) {
            ArmGateway gateway = live.composition().armGateway();
            for (String fixture : List.of("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json",
                    "Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json",
                    "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolGet.json",
                    "Microsoft.Cache/redisEnterprise/2025-07-01_RedisEnterpriseUpdate.json",
                    "Microsoft.Cache/redisEnterprise/databases/2025-07-01_RedisEnterpriseDatabasesGet.json")) {
                JsonObject resource = Fixtures.json(fixture).getAsJsonObject();
                ResourceId id = ResourceId.parse(live.store(resource));
                gateway.get(id);
                ResourceType type = ResourceType.fromArmType(id.type()).orElseThrow();
                for (RelatedKind kind : RelatedKind.values()) {
                    Optional<RelatedCollection> collection = RelatedCollection.of(type, kind);
                    if (collection.isPresent()) {
                        int before = live.arm.requests().size();
                        gateway.listRelated(id, kind, Optional.empty());
                        List<Request> listed = live.arm.requests().subList(before, live.arm.requests().size());
                        assertFalse(listed.isEmpty(), type + " " + kind + " sent no request");
                        for (Request request : listed) {
                            assertEquals(collection.get().action(), action(request),
                                    "RelatedCollection's action for " + type + " " + kind + " vs the request " + request.path());
                        }
                    }
                }
                gateway.patch(id, Fixtures.parse("{\"tags\":{\"a\":\"b\"}}").getAsJsonObject(), Optional.empty());
                gateway.putDiagnosticSetting(id, "baseline-guard", Fixtures.parse("{\"properties\":{}}").getAsJsonObject());
            }
            gateway.resourceGraph("resources | limit 1", List.of("00000000-0000-0000-0000-000000000000"), List.of(), 1, null);
            // BATCH-010 reads the Key Vault holding a Batch customer-managed key (never writes it).
            JsonObject vault = Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").getAsJsonObject();
            gateway.get(ResourceId.parse(live.store(vault)));
            Set<String> performed = new TreeSet<>();
            for (Request request : live.arm.requests()) {
                performed.add(action(request));
            }
            assertEquals(new TreeSet<>(ArmActions.ALL), performed);
        }
    }

    /** The RBAC action ARM authorizes a request against. */
    static String action(Request request) {
        String path = request.path().toLowerCase(Locale.ROOT);
        String verb = request.method().equals("GET") ? "read" : "write";
        if (path.equals("/providers/microsoft.resourcegraph/resources") && request.method().equals("POST")) {
            return "Microsoft.ResourceGraph/resources/read";
        }
        if (path.contains("/providers/microsoft.insights/diagnosticsettings")) {
            return "Microsoft.Insights/diagnosticSettings/" + verb;
        }
        java.util.regex.Matcher child = java.util.regex.Pattern.compile(
                ".*/providers/microsoft\\.(cache/redis|cache/redisenterprise|batch/batchaccounts)/[^/]+/"
                        + "(firewallrules|privateendpointconnections|certificates)").matcher(path);
        if (child.matches() && request.method().equals("GET")) {
            String parent = switch (child.group(1)) {
                case "cache/redis" -> "Microsoft.Cache/redis";
                case "cache/redisenterprise" -> "Microsoft.Cache/redisEnterprise";
                default -> "Microsoft.Batch/batchAccounts";
            };
            String collection = switch (child.group(2)) {
                case "firewallrules" -> "firewallRules";
                case "privateendpointconnections" -> "privateEndpointConnections";
                default -> "certificates";
            };
            return parent + "/" + collection + "/read";
        }
        if (path.matches(".*/providers/microsoft\\.cache/redis/[^/]+")) {
            return "Microsoft.Cache/redis/" + verb;
        }
        if (path.matches(".*/providers/microsoft\\.cache/redisenterprise/[^/]+")) {
            return "Microsoft.Cache/redisEnterprise/" + verb;
        }
        if (path.matches(".*/providers/microsoft\\.cache/redisenterprise/[^/]+/databases/[^/]+")) {
            return "Microsoft.Cache/redisEnterprise/databases/" + verb;
        }
        if (path.matches(".*/providers/microsoft\\.keyvault/vaults/[^/]+")) {
            return "Microsoft.KeyVault/vaults/" + verb;
        }
        if (path.matches(".*/providers/microsoft\\.batch/batchaccounts/[^/]+")) {
            return "Microsoft.Batch/batchAccounts/" + verb;
        }
        if (path.matches(".*/providers/microsoft\\.batch/batchaccounts/[^/]+/pools/[^/]+")) {
            return "Microsoft.Batch/batchAccounts/pools/" + verb;
        }
        return "UNDECLARED " + request.method() + " " + request.path();
    }
}
