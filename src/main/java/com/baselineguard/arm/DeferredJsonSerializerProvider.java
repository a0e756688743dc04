package com.baselineguard.arm;

import com.azure.core.util.serializer.JacksonAdapter;
import com.azure.core.util.serializer.JsonSerializer;
import com.azure.core.util.serializer.JsonSerializerProvider;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.core.util.serializer.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import reactor.core.publisher.Mono;

/**
 * azure-core's default JSON serializer (Jackson, through {@link JacksonAdapter}, exactly as azure-core's
 * own default does it), made on first use instead of when azure-core's {@code BinaryData} class is
 * initialized. Registered in {@code META-INF/services/com.azure.core.util.serializer.JsonSerializerProvider}.
 *
 * <p>Why: with no provider registered, {@code BinaryData}'s class initializer builds Jackson object
 * mappers (about 550 classes, 300 ms of a cold start on these machines), and the first managed-identity
 * token response passes through {@code BinaryData}, so every first event waited for Jackson although
 * nothing on the ARM path serializes objects (we send and read JSON text). The Key Vault keys client
 * does deserialize its models through this default, and gets the same Jackson serializer, only later.
 */
public final class DeferredJsonSerializerProvider implements JsonSerializerProvider {

    @Override
    public JsonSerializer createInstance() {
        return new Deferred();
    }

    private static final class Deferred implements JsonSerializer {

        /** Made by the first serialization in the process. */
        private static final class Jackson {
            static final SerializerAdapter ADAPTER = JacksonAdapter.createDefaultSerializerAdapter();
        }

        @Override
        public <T> T deserializeFromBytes(byte[] data, TypeReference<T> typeReference) {
            try {
                return Jackson.ADAPTER.deserialize(data, typeReference.getJavaType(), SerializerEncoding.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T deserialize(InputStream stream, TypeReference<T> typeReference) {
            try {
                return Jackson.ADAPTER.deserialize(stream, typeReference.getJavaType(), SerializerEncoding.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> Mono<T> deserializeAsync(InputStream stream, TypeReference<T> typeReference) {
            return Mono.fromCallable(() -> deserialize(stream, typeReference));
        }

        @Override
        public byte[] serializeToBytes(Object value) {
            try {
                return Jackson.ADAPTER.serializeToBytes(value, SerializerEncoding.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void serialize(OutputStream stream, Object value) {
            try {
                Jackson.ADAPTER.serialize(value, SerializerEncoding.JSON, stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Mono<Void> serializeAsync(OutputStream stream, Object value) {
            return Mono.fromRunnable(() -> serialize(stream, value));
        }
    }
}
