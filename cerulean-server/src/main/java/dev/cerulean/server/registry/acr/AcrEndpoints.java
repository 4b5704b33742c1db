package dev.cerulean.server.registry.acr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.oci.RegistryExchange;
import dev.cerulean.server.registry.oci.ListEndpoints;
import dev.cerulean.server.registry.oci.Names;
import dev.cerulean.server.registry.oci.OciError;
import dev.cerulean.server.registry.storage.Digests;
import dev.cerulean.server.registry.storage.RegistryContent;
import dev.cerulean.store.RegistryRecords.Attributes;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Repository;
import dev.cerulean.store.RegistryRecords.Tag;
import dev.cerulean.store.RegistryStore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** ACR's own listing and metadata endpoints under {@code /acr/v1} (acr.md §5.8, §6.4). */
public final class AcrEndpoints {

    private final RegistryContent content;
    private final ListEndpoints lists;

    public AcrEndpoints(RegistryContent content, ListEndpoints lists) {
        this.content = content;
        this.lists = lists;
    }

    private RegistryStore store() {
        return content.store();
    }

    public void deletedCatalog(RegistryExchange ex) {
        ListEndpoints.requireGet(ex);
        ObjectNode body = Json.object();
        body.putArray("repositories"); // soft delete is not emulated: nothing is ever soft-deleted
        ex.json(200, body);
    }

    private Repository repo(RegistryExchange ex, String name) {
        return store().repository(ex.registry().key(), name).orElseThrow(() -> OciError.nameUnknown(name));
    }

    /** {@code GET/PATCH/DELETE /acr/v1/<name>}. */
    public void repository(RegistryExchange ex, String name) throws IOException {
        String registry = ex.registry().key();
        Repository r = repo(ex, name);
        switch (ex.method()) {
            case "GET", "HEAD" -> ex.json(200, repositoryBody(ex, r));
            case "PATCH" -> {
                store().updateRepository(registry, name, patched(ex, r.attributes()), content.now());
                ex.json(200, repositoryBody(ex, repo(ex, name)));
            }
            case "DELETE" -> {
                if (!r.attributes().deleteEnabled()) throw OciError.disallowed();
                ObjectNode body = Json.object();
                ArrayNode manifests = body.putArray("manifestsDeleted");
                ArrayNode tags = body.putArray("tagsDeleted");
                content.transactions().run(() -> {
                    store().manifests(registry, name).forEach(m -> manifests.add(m.digest()));
                    store().tags(registry, name).forEach(t -> tags.add(t.name()));
                    store().deleteRepository(registry, name);
                });
                ex.json(202, body);
            }
            default -> throw OciError.unsupported(ex.method());
        }
    }

    /** {@code GET /acr/v1/<name>/_tags} with {@code n}, {@code last}, {@code orderby}, {@code digest}. */
    public void tags(RegistryExchange ex, String name) {
        ListEndpoints.requireGet(ex);
        Repository r = repo(ex, name);
        String digest = ex.query("digest");
        List<Tag> tags = new ArrayList<>();
        for (Tag t : store().tags(r.registryKey(), name)) {
            if (t.attributes().listEnabled() && (digest == null || digest.equals(t.digest()))) tags.add(t);
        }
        ObjectNode body = header(ex, name);
        ArrayNode out = body.putArray("tags");
        page(ex, "/acr/v1/" + name + "/_tags", tags, Tag::name, Tag::changedAt).forEach(t -> out.add(tagBody(t)));
        ex.json(200, body);
    }

    /** {@code GET/PATCH/DELETE /acr/v1/<name>/_tags/<tag>}. */
    public void tag(RegistryExchange ex, String name, String tagName) {
        if (!Names.isTag(tagName)) throw OciError.tagInvalid(tagName);
        Repository r = repo(ex, name);
        Tag t = store().tag(r.registryKey(), name, tagName)
                .orElseThrow(() -> OciError.of(404, "TAG_UNKNOWN", "the specified tag does not exist"));
        switch (ex.method()) {
            case "GET", "HEAD" -> {
                ObjectNode body = header(ex, name);
                body.set("tag", tagBody(t));
                ex.json(200, body);
            }
            case "PATCH" -> {
                store().updateTag(r.registryKey(), name, tagName, patched(ex, t.attributes()), content.now());
                ObjectNode body = header(ex, name);
                body.set("tag", tagBody(store().tag(r.registryKey(), name, tagName).orElseThrow()));
                ex.json(200, body);
            }
            case "DELETE" -> {
                if (!r.attributes().deleteEnabled() || !t.attributes().deleteEnabled()) throw OciError.disallowed();
                store().deleteTag(r.registryKey(), name, tagName);
                ex.empty(202);
            }
            default -> throw OciError.unsupported(ex.method());
        }
    }

    /** {@code GET /acr/v1/<name>/_manifests} with {@code n}, {@code last}, {@code orderby}. */
    public void manifests(RegistryExchange ex, String name) {
        ListEndpoints.requireGet(ex);
        Repository r = repo(ex, name);
        List<Tag> tags = store().tags(r.registryKey(), name);
        List<Manifest> manifests = store().manifests(r.registryKey(), name).stream().filter(m -> m.attributes().listEnabled()).toList();
        ObjectNode body = header(ex, name);
        ArrayNode out = body.putArray("manifests");
        page(ex, "/acr/v1/" + name + "/_manifests", manifests, Manifest::digest, Manifest::changedAt)
                .forEach(m -> out.add(manifestBody(m, tags)));
        ex.json(200, body);
    }

    /** {@code GET/PATCH/DELETE /acr/v1/<name>/_manifests/<digest>}. */
    public void manifest(RegistryExchange ex, String name, String digest) {
        if (!Digests.isSha256(digest)) throw OciError.digestInvalid("invalid digest " + digest);
        Repository r = repo(ex, name);
        Manifest m = store().manifest(r.registryKey(), name, digest).orElseThrow(() -> OciError.manifestUnknown(digest));
        switch (ex.method()) {
            case "GET", "HEAD" -> {
                ObjectNode body = header(ex, name);
                body.set("manifest", manifestBody(m, store().tags(r.registryKey(), name)));
                ex.json(200, body);
            }
            case "PATCH" -> {
                store().updateManifest(r.registryKey(), name, digest, patched(ex, m.attributes()), content.now());
                ObjectNode body = header(ex, name);
                body.set("manifest", manifestBody(store().manifest(r.registryKey(), name, digest).orElseThrow(),
                        store().tags(r.registryKey(), name)));
                ex.json(200, body);
            }
            case "DELETE" -> {
                if (!r.attributes().deleteEnabled() || !m.attributes().deleteEnabled()) throw OciError.disallowed();
                store().deleteManifest(r.registryKey(), name, digest);
                ex.empty(202);
            }
            default -> throw OciError.unsupported(ex.method());
        }
    }

    /** Pages by name (default) or by time ({@code orderby=timedesc|timeasc}), after {@code last}. */
    private static <T> List<T> page(RegistryExchange ex, String path, List<T> all, Function<T, String> key, Function<T, Instant> time) {
        String order = ex.query("orderby");
        List<T> sorted = new ArrayList<>(all);
        if ("timedesc".equals(order)) sorted.sort(Comparator.comparing(time).reversed().thenComparing(key));
        else if ("timeasc".equals(order)) sorted.sort(Comparator.comparing(time).thenComparing(key));
        String last = ex.query("last");
        int n = Names.pageSize(ex.query("n"), 100);
        int from = 0;
        if (last != null && !last.isEmpty()) {
            for (int i = 0; i < sorted.size(); i++) if (key.apply(sorted.get(i)).equals(last)) from = i + 1;
            if (order == null || order.isEmpty()) {
                from = 0;
                while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(last) <= 0) from++;
            }
        }
        int to = (int) Math.min(sorted.size(), (long) from + n);
        if (to < sorted.size() && to > from) {
            ex.header("Link", "<" + path + "?last=" + ListEndpoints.encode(key.apply(sorted.get(to - 1))) + "&n=" + n
                    + "&orderby=" + (order == null ? "" : ListEndpoints.encode(order)) + ">; rel=\"next\"");
        }
        return sorted.subList(from, Math.max(from, to));
    }

    private ObjectNode header(RegistryExchange ex, String name) {
        ObjectNode body = Json.object();
        body.put("registry", ex.registry().loginServer());
        body.put("imageName", name);
        return body;
    }

    private ObjectNode repositoryBody(RegistryExchange ex, Repository r) {
        ObjectNode body = header(ex, r.name());
        body.put("createdTime", r.createdAt().toString());
        body.put("lastUpdateTime", r.changedAt().toString());
        body.put("manifestCount", store().manifests(r.registryKey(), r.name()).size());
        body.put("tagCount", store().tags(r.registryKey(), r.name()).size());
        body.set("changeableAttributes", attributes(r.attributes()));
        return body;
    }

    private static ObjectNode tagBody(Tag t) {
        ObjectNode o = Json.object();
        o.put("name", t.name());
        o.put("digest", t.digest());
        o.put("createdTime", t.createdAt().toString());
        o.put("lastUpdateTime", t.changedAt().toString());
        o.put("signed", false);
        o.set("changeableAttributes", attributes(t.attributes()));
        return o;
    }

    private static ObjectNode manifestBody(Manifest m, List<Tag> tags) {
        ObjectNode o = Json.object();
        o.put("digest", m.digest());
        o.put("imageSize", m.imageSize());
        o.put("createdTime", m.createdAt().toString());
        o.put("lastUpdateTime", m.changedAt().toString());
        if (m.architecture() != null) o.put("architecture", m.architecture());
        if (m.os() != null) o.put("os", m.os());
        o.put("mediaType", m.mediaType());
        if (m.configMediaType() != null) o.put("configMediaType", m.configMediaType());
        ArrayNode names = o.putArray("tags");
        tags.stream().filter(t -> t.digest().equals(m.digest())).forEach(t -> names.add(t.name()));
        o.set("changeableAttributes", attributes(m.attributes()));
        return o;
    }

    private static ObjectNode attributes(Attributes a) {
        ObjectNode o = Json.object();
        o.put("deleteEnabled", a.deleteEnabled());
        o.put("writeEnabled", a.writeEnabled());
        o.put("readEnabled", a.readEnabled());
        o.put("listEnabled", a.listEnabled());
        return o;
    }

    /** A flat PATCH body of booleans applied onto {@code current}; anything else is a 400. */
    private static Attributes patched(RegistryExchange ex, Attributes current) {
        JsonNode body;
        try (InputStream in = ex.body()) {
            body = Json.MAPPER.readTree(in.readNBytes(64 * 1024));
        } catch (IOException | RuntimeException e) {
            throw OciError.of(400, "UNSUPPORTED", "the request body is not a JSON object");
        }
        if (body == null || !body.isObject()) throw OciError.of(400, "UNSUPPORTED", "the request body is not a JSON object");
        return new Attributes(flag(body, "deleteEnabled", current.deleteEnabled()), flag(body, "writeEnabled", current.writeEnabled()),
                flag(body, "readEnabled", current.readEnabled()), flag(body, "listEnabled", current.listEnabled()));
    }

    private static boolean flag(JsonNode body, String name, boolean current) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return current;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw OciError.of(400, "UNSUPPORTED", name + " must be true or false");
    }
}
