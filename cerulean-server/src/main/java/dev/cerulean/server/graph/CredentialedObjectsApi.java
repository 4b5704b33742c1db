package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;

import java.util.Locale;

/**
 * The routing Graph's applications and service principals share: list and create on the
 * collection; get, patch and delete by id; {@code addPassword}/{@code removePassword} on an object.
 * Each collection supplies only how it finds, lists, creates, renders, updates and deletes its objects.
 *
 * @param <T> the stored object
 */
abstract class CredentialedObjectsApi<T> {

    private final String collection;
    private final Passwords passwords;

    CredentialedObjectsApi(String collection, Passwords passwords) {
        this.collection = collection;
        this.passwords = passwords;
    }

    final GraphResponse handle(GraphRequest r) {
        String id = r.segment(1);
        String action = r.segment(2);
        if (r.segments().size() > 3) throw GraphErrors.unknownSegment(r.segment(3));
        if (id == null) {
            return switch (r.method()) {
                case "GET" -> GraphResponse.ok(list(r));
                case "POST" -> create(r);
                default -> throw GraphErrors.methodNotAllowed();
            };
        }
        T object = find(r, id);
        if (action != null) {
            if (!r.method().equals("POST")) throw GraphErrors.methodNotAllowed();
            return switch (action.toLowerCase(Locale.ROOT)) {
                case "addpassword" -> passwords.add(r, objectId(object), appId(object));
                case "removepassword" -> passwords.remove(r, objectId(object));
                default -> throw GraphErrors.unknownSegment(action);
            };
        }
        return switch (r.method()) {
            case "GET" -> GraphResponse.ok(GraphObjects.entity(r.base(), collection, render(r, object)));
            case "PATCH" -> update(r, object);
            case "DELETE" -> {
                delete(r, object);
                yield GraphResponse.noContent();
            }
            default -> throw GraphErrors.methodNotAllowed();
        };
    }

    abstract T find(GraphRequest r, String id);

    abstract String objectId(T object);

    abstract String appId(T object);

    abstract ObjectNode list(GraphRequest r);

    abstract GraphResponse create(GraphRequest r);

    abstract ObjectNode render(GraphRequest r, T object);

    abstract GraphResponse update(GraphRequest r, T object);

    abstract void delete(GraphRequest r, T object);
}
