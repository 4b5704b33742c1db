package dev.cerulean.server.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.storage.Digests;
import dev.cerulean.server.registry.storage.RegistryContent;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Repository;
import dev.cerulean.store.RegistryRecords.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code /v2/_catalog}, {@code /v2/<name>/tags/list} and {@code /v2/<name>/referrers/<digest>}. */
public final class ListEndpoints {

    private final RegistryContent content;

    public ListEndpoints(RegistryContent content) {
        this.content = content;
    }

    /** Listable repository names of a registry, in code-point order. */
    public List<String> repositories(String registry) {
        List<String> names = new ArrayList<>();
        String last = null;
        List<String> page;
        do {
            page = content.store().repositoryNames(registry, last, 1000);
            for (String n : page) {
                content.store().repository(registry, n).filter(r -> r.attributes().listEnabled()).ifPresent(r -> names.add(n));
            }
            if (!page.isEmpty()) last = page.get(page.size() - 1);
        } while (page.size() == 1000);
        return names;
    }

    public void catalog(RegistryExchange ex, String path) {
        requireGet(ex);
        ObjectNode body = Json.object();
        page(ex, path, repositories(ex.registry().key()), body.putArray("repositories"));
        ex.json(200, body);
    }

    public void tags(RegistryExchange ex, String repository) {
        requireGet(ex);
        String registry = ex.registry().key();
        Repository repo = content.store().repository(registry, repository).orElseThrow(() -> OciError.nameUnknown(repository));
        List<String> names = new ArrayList<>();
        if (repo.attributes().listEnabled()) {
            for (Tag t : content.store().tags(registry, repository)) if (t.attributes().listEnabled()) names.add(t.name());
        }
        ObjectNode body = Json.object();
        body.put("name", repository);
        page(ex, "/v2/" + repository + "/tags/list", names, body.putArray("tags"));
        ex.json(200, body);
    }

    /**
     * Pages {@code all} (sorted) by {@code n} and {@code last} into {@code out}; when more remain,
     * adds ACR's {@code Link} (acr.md §5.8), whose query az re-parses.
     */
    public static void page(RegistryExchange ex, String path, List<String> all, ArrayNode out) {
        String last = ex.query("last");
        String nParam = ex.query("n");
        int n = Names.pageSize(nParam, Integer.MAX_VALUE);
        int from = 0;
        if (last != null && !last.isEmpty()) {
            while (from < all.size() && all.get(from).compareTo(last) <= 0) from++;
        }
        int to = (int) Math.min(all.size(), (long) from + n);
        for (int i = from; i < to; i++) out.add(all.get(i));
        if (to < all.size() && to > from) {
            ex.header("Link", "<" + path + "?last=" + encode(all.get(to - 1)) + "&n=" + n + "&orderby=>; rel=\"next\"");
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The referrers API (distribution v1.1): an OCI index of the manifests whose subject is the digest. */
    public void referrers(RegistryExchange ex, String repository, String digest) {
        requireGet(ex);
        if (!Digests.isSha256(digest)) throw OciError.digestInvalid("invalid digest " + digest);
        String registry = ex.registry().key();
        String filter = ex.query("artifactType");
        ObjectNode index = Json.object();
        index.put("schemaVersion", 2);
        index.put("mediaType", ManifestDocument.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        for (Manifest m : content.store().referrers(registry, repository, digest)) {
            if (filter != null && !filter.equals(m.artifactType())) continue;
            ObjectNode d = manifests.addObject();
            d.put("mediaType", m.mediaType());
            d.put("digest", m.digest());
            d.put("size", m.size());
            if (m.artifactType() != null) d.put("artifactType", m.artifactType());
            JsonNode annotations = annotations(m);
            if (annotations != null) d.set("annotations", annotations);
        }
        if (filter != null) ex.header("OCI-Filters-Applied", "artifactType");
        ex.bytes(200, ManifestDocument.OCI_INDEX, Json.writeBytes(index));
    }

    private JsonNode annotations(Manifest m) {
        try (InputStream in = content.blobs().open(m.digest(), 0)) {
            JsonNode a = Json.MAPPER.readTree(in).get("annotations");
            return a != null && a.isObject() ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static void requireGet(RegistryExchange ex) {
        if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) throw OciError.unsupported(ex.method());
    }
}
