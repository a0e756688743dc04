package com.baselineguard.identity;

import com.azure.core.http.HttpClient;

/**
 * The process's one HTTP client (the JDK's, through azure-core-http-jdk-httpclient) for Azure Resource
 * Manager and the managed-identity endpoint: one connection pool and one TLS set-up per process. Made on
 * first use, when the credential or the ARM pipeline is built, never by offline evaluation.
 */
public final class AzureHttp {

    private AzureHttp() {
    }

    public static HttpClient client() {
        return Holder.CLIENT;
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.createDefault();
    }
}
