package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.testing.Fixtures;

/** The published Redis Enterprise examples the rule tests use (see fixtures/SOURCES.md). */
final class Clusters {

    static final String DIR = "Microsoft.Cache/redisEnterprise/";
    /** 2025-07-01 create, 200 body: Succeeded/Running, TLS 1.2, public access Disabled, zones 1-3, EnterpriseFlash, no CMK. */
    static final String CREATED = DIR + "2025-07-01_RedisEnterpriseCreate.json";
    /** The same example's 201 body: Creating, with a customer-managed key. */
    static final String CREATED_WITH_CMK = DIR + "2025-07-01_RedisEnterpriseCreate_201.json";
    /** 2025-07-01 update, 200 body: Updating, public access Enabled. */
    static final String UPDATED = DIR + "2025-07-01_RedisEnterpriseUpdate.json";
    /** 2025-07-01 list: one cluster without zones. */
    static final String LIST = DIR + "2025-07-01_RedisEnterpriseList.json";
    /** 2023-11-01 get: no publicNetworkAccess, one Approved private endpoint connection. */
    static final String OLD = DIR + "2023-11-01_RedisEnterpriseGet.json";
    /** 2025-07-01 database get: Encrypted, RDB, access keys Enabled. */
    static final String DATABASE = DIR + "databases/2025-07-01_RedisEnterpriseDatabasesGet.json";
    /** 2025-07-01 database list: as DATABASE with access keys Disabled. */
    static final String DATABASE_LIST = DIR + "databases/2025-07-01_RedisEnterpriseDatabasesListByCluster.json";
    /** 2025-07-01 database create: AOF. */
    static final String DATABASE_AOF = DIR + "databases/2025-07-01_RedisEnterpriseDatabasesCreate.json";
    /** 2025-07-01 NoCluster database: no persistence. */
    static final String DATABASE_NO_PERSISTENCE = DIR + "databases/2025-07-01_RedisEnterpriseDatabasesNoClusterCacheCreate.json";
    /** 2024-02-01 database get: no accessKeysAuthentication. */
    static final String OLD_DATABASE = DIR + "databases/2024-02-01_RedisEnterpriseDatabasesGet.json";
    /** A 2025-07-01 private endpoint connection child, Approved. */
    static final String PRIVATE_ENDPOINT_CONNECTION =
            DIR + "privateEndpointConnections/2025-07-01_RedisEnterpriseGetPrivateEndpointConnection.json";

    private Clusters() {
    }

    static ResourceSnapshot of(String fixture) {
        return Fixtures.snapshot(fixture);
    }

    static ResourceSnapshot first(String listFixture) {
        return Fixtures.list(listFixture).get(0);
    }
}
