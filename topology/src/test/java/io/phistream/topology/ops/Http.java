package io.phistream.topology.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the tests. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    static HttpResponse<String> get(OpsServer server, String path) {
        return send(server, "GET", path);
    }

    static HttpResponse<String> send(OpsServer server, String method, String path) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request " + method + " " + path + " failed", e);
        }
    }
}
