package org.zhurnal.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the REST API under test. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The answer: status, headers and body. */
    public record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Answer get(String path) {
        return get(path, Map.of());
    }

    public Answer get(String path, String token) {
        return get(path, Map.of("Authorization", "Bearer " + token));
    }

    public Answer post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    public Answer post(String path, String json, String token) {
        return post(path, json, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    public Answer send(String method, String path, String json, Map<String, String> headers) {
        return send(method, path, "application/json", json, headers);
    }

    /** Sends a body of any type (e.g. a CSV import); {@code body} null sends none. */
    public Answer send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A binary answer (a PDF, a spreadsheet). */
    public record Bytes(int status, String contentType, byte[] bytes) {
    }

    /** GETs a binary resource. */
    public Bytes getBytes(String path, String token) {
        return bytes(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).GET().build(), path);
    }

    /** POSTs JSON and reads a binary answer (a rendered report). */
    public Bytes postBytes(String path, String json, String token) {
        return bytes(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), path);
    }

    private Bytes bytes(HttpRequest r, String path) {
        try {
            HttpResponse<byte[]> a = CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(a.statusCode(), a.headers().firstValue("Content-Type").orElse(""), a.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Signs in and returns the bearer token. */
    public String login(String login, String password) {
        // Right after the container starts, the REST application may not be registered yet (404/405 from the
        // HTTP service, 503), nor the administrator created (401): wait (up to two minutes) rather than fail on a
        // loaded machine.
        Answer a;
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            a = post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", Map.of());
            // The system administrator is created by a component of its own once the accounts service is up, which
            // may be after the services a test injects: until then its sign-in is refused as unknown (401).
            boolean adminNotYetCreated = a.status() == 401 && "admin".equals(login);
            if (a.status() != 404 && a.status() != 405 && a.status() != 503 && !adminNotYetCreated) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < end);
        if (a.status() != 200) {
            throw new AssertionError("login of " + login + " failed: " + a.status() + " " + a.body());
        }
        return a.json().get("token").asText();
    }

    /** Polls {@code path} until it answers {@code status} or the time is up. */
    public Answer await(String path, int status, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            try {
                last = get(path);
            } catch (AssertionError e) {
                last = new Answer(-1, "", e.getMessage(), null);
            }
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return last;
    }
}
