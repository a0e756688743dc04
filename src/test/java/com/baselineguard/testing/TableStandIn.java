package com.baselineguard.testing;

import com.baselineguard.testing.arm.Tls;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Azure Table storage stand-in for tests, HTTPS on 127.0.0.1 with the ARM stand-in's TLS
 * material: create table, insert entity, and query a table with a {@code $filter} that is a
 * conjunction of {@code Name eq|ne|ge|gt|le|lt 'string'|datetime'...'}. Requests must carry a bearer
 * token the given predicate accepts (the ARM stand-in's managed-identity endpoint issues them).
 * Anything else answers 400, so a client that relies on more fails loudly.
 */
public final class TableStandIn implements AutoCloseable {

    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(\\w+)\\s+(eq|ne|ge|gt|le|lt)\\s+(datetime)?'((?:[^']|'')*)'\\s*", Pattern.CASE_INSENSITIVE);

    private final HttpsServer server;
    private final Predicate<String> tokens;
    private final Map<String, Map<String, JsonObject>> tables = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TableStandIn(Predicate<String> tokens) throws IOException {
        this.tokens = tokens;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(Tls.serverContext()));
        server.createContext("/", this::serve);
    }

    public static TableStandIn start(Predicate<String> tokens) {
        try {
            TableStandIn standIn = new TableStandIn(tokens);
            standIn.server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** "METHOD path status" of every request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<JsonObject> entities(String table) {
        return tables.getOrDefault(table, Map.of()).values().stream().map(JsonObject::deepCopy).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Object[] reply;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !tokens.test(authorization.substring(7))) {
            reply = error(401, "InvalidAuthenticationInfo", "Bearer token missing or not issued by the stand-in.");
        } else {
            try {
                reply = answer(method, path, exchange.getRequestURI().getRawQuery(), body);
            } catch (RuntimeException e) {
                reply = error(400, "InvalidInput", "The table stand-in cannot serve this request: " + e.getMessage());
            }
        }
        requests.add(method + " " + path + " " + reply[0]);
        byte[] bytes = reply[1] == null ? new byte[0] : reply[1].toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;odata=minimalmetadata;streaming=true;charset=utf-8");
        exchange.getResponseHeaders().set("x-ms-version", "2019-02-02");
        if ((int) reply[0] == 401) {
            // Azure Storage's bearer challenge, which the Tables SDK answers by fetching a token.
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri="
                    + "https://login.microsoftonline.com/72f988bf-0000-4000-8000-00000000a11e/oauth2/authorize"
                    + " resource_id=https://storage.azure.com");
        }
        exchange.sendResponseHeaders((int) reply[0], bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private synchronized Object[] answer(String method, String path, String rawQuery, String body) {
        if (method.equals("POST") && path.equals("/Tables")) {
            String name = JsonParser.parseString(body).getAsJsonObject().get("TableName").getAsString();
            if (tables.containsKey(name)) {
                return error(409, "TableAlreadyExists", "The table specified already exists.");
            }
            tables.put(name, new LinkedHashMap<>());
            JsonObject created = new JsonObject();
            created.addProperty("TableName", name);
            return new Object[] {201, created};
        }
        String table = path.substring(1).replace("()", "");
        if (table.contains("/") || table.contains("(")) {
            throw new IllegalArgumentException("unsupported path " + path);
        }
        Map<String, JsonObject> rows = tables.get(table);
        if (rows == null) {
            return error(404, "TableNotFound", "The table specified does not exist.");
        }
        if (method.equals("POST")) {
            JsonObject entity = JsonParser.parseString(body).getAsJsonObject();
            String key = entity.get("PartitionKey").getAsString() + "\u0000" + entity.get("RowKey").getAsString();
            if (rows.containsKey(key)) {
                return error(409, "EntityAlreadyExists", "The specified entity already exists.");
            }
            entity.addProperty("Timestamp", Instant.now().toString());
            rows.put(key, entity);
            return new Object[] {201, entity};
        }
        if (method.equals("GET")) {
            Map<String, String> query = query(rawQuery);
            List<String[]> clauses = clauses(query.getOrDefault("$filter", ""));
            JsonArray value = new JsonArray();
            for (JsonObject entity : rows.values()) {
                if (clauses.stream().allMatch(c -> matches(entity, c))) {
                    value.add(entity.deepCopy());
                }
            }
            JsonObject page = new JsonObject();
            page.add("value", value);
            return new Object[] {200, page};
        }
        throw new IllegalArgumentException("unsupported method " + method);
    }

    private static List<String[]> clauses(String filter) {
        List<String[]> clauses = new ArrayList<>();
        if (filter.isBlank()) {
            return clauses;
        }
        for (String part : filter.split("(?i)\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("unsupported $filter clause: " + part);
            }
            clauses.add(new String[] {m.group(1), m.group(2).toLowerCase(Locale.ROOT), m.group(3) == null ? "" : "datetime",
                    m.group(4).replace("''", "'")});
        }
        return clauses;
    }

    private static boolean matches(JsonObject entity, String[] clause) {
        JsonElement value = entity.get(clause[0]);
        if (value == null || !value.isJsonPrimitive()) {
            return false;
        }
        int c = clause[2].isEmpty() ? value.getAsString().compareTo(clause[3])
                : Instant.parse(value.getAsString()).compareTo(Instant.parse(clause[3]));
        return switch (clause[1]) {
            case "eq" -> c == 0;
            case "ne" -> c != 0;
            case "ge" -> c >= 0;
            case "gt" -> c > 0;
            case "le" -> c <= 0;
            default -> c < 0;
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static Object[] error(int status, String code, String message) {
        JsonObject inner = new JsonObject();
        inner.addProperty("code", code);
        JsonObject text = new JsonObject();
        text.addProperty("lang", "en-US");
        text.addProperty("value", message);
        inner.add("message", text);
        JsonObject error = new JsonObject();
        error.add("odata.error", inner);
        return new Object[] {status, error};
    }
}
