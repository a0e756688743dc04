package com.baselineguard.storage;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableClientBuilder;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableServiceException;
import com.baselineguard.engine.port.FixLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Functions app's {@link FixLedger}: a table in the app's own storage account
 * ({@value #TABLE}), reached with the managed identity as the Functions host reaches that account
 * ({@code AzureWebJobsStorage__tableServiceUri}, {@code AzureWebJobsStorage__clientId} for a
 * user-assigned identity). One entity per rule per fix: PartitionKey the SHA-256 of the lower-cased
 * resource id (ids hold '/', which keys cannot), RowKey rule id, inverted time and a random suffix;
 * columns {@code ResourceId}, {@code RuleId}, {@code FixedAt}. Counting is one partition query
 * filtered on RuleId and FixedAt. The table is created on first write. Needs the role Storage Table
 * Data Contributor on the account.
 */
public final class TableFixLedger implements FixLedger {

    public static final String TABLE = "baselineguardfixes";

    private final TableClient table;
    private volatile boolean tableExists;

    TableFixLedger(TableClient table) {
        this.table = table;
    }

    /**
     * The ledger in the table of the account at {@code endpoint}.
     *
     * @param endpoint the account's table endpoint ({@code AzureWebJobsStorage__tableServiceUri}), https
     * @param credential the identity the app reaches its storage with (the one credential factory's)
     */
    public static TableFixLedger create(String endpoint, TokenCredential credential) {
        return new TableFixLedger(client(endpoint, credential));
    }

    static TableClient client(String endpoint, TokenCredential credential) {
        return new TableClientBuilder().endpoint(endpoint).tableName(TABLE).credential(credential)
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                        .setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(2))))
                .buildClient();
    }

    @Override
    public void record(String resourceId, List<String> ruleIds, Instant at) {
        for (String ruleId : ruleIds) {
            TableEntity entity = new TableEntity(partition(resourceId),
                    ruleId + "_" + String.format(Locale.ROOT, "%019d", Long.MAX_VALUE - at.toEpochMilli()) + "_"
                            + UUID.randomUUID().toString().substring(0, 8))
                    .addProperty("ResourceId", resourceId)
                    .addProperty("RuleId", ruleId)
                    .addProperty("FixedAt", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert(entity);
        }
    }

    private void insert(TableEntity entity) {
        if (!tableExists) {
            try {
                table.createTable();
            } catch (TableServiceException e) {
                if (e.getResponse().getStatusCode() != 409) {
                    throw e;
                }
            }
            tableExists = true;
        }
        table.createEntity(entity);
    }

    @Override
    public int fixesSince(String resourceId, String ruleId, Instant since) {
        String filter = "PartitionKey eq '" + quote(partition(resourceId)) + "' and RuleId eq '" + quote(ruleId)
                + "' and FixedAt ge datetime'" + since + "'";
        try {
            int count = 0;
            for (TableEntity ignored : table.listEntities(new ListEntitiesOptions().setFilter(filter)
                    .setSelect(List.of("RowKey")), null, null)) {
                count++;
            }
            return count;
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return 0;
            }
            throw e;
        }
    }

    static String partition(String resourceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(resourceId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
