package dev.cerulean.server.graph;

import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.server.directory.Directory;

import java.util.Locale;

/** The Graph route table: the first segment after {@code /v1.0} picks the entity set (case-insensitively, as Graph). */
public final class GraphRoutes {

    private final ApplicationsApi applications;
    private final ServicePrincipalsApi servicePrincipals;
    private final UsersApi users;
    private final DirectoryObjectsApi directoryObjects;

    public GraphRoutes(Directory directory) {
        Passwords passwords = new Passwords(directory);
        this.applications = new ApplicationsApi(directory, passwords);
        this.servicePrincipals = new ServicePrincipalsApi(directory, passwords);
        this.users = new UsersApi(directory.store());
        this.directoryObjects = new DirectoryObjectsApi(directory.store());
    }

    GraphResponse dispatch(GraphRequest r) {
        String set = r.segment(0);
        if (set == null) throw GraphErrors.unknownSegment(GraphHandler.VERSION);
        return switch (set.toLowerCase(Locale.ROOT)) {
            case "applications" -> applications.handle(r);
            case "serviceprincipals" -> servicePrincipals.handle(r);
            case "users" -> users.users(r);
            case "me" -> users.me(r);
            case "directoryobjects" -> directoryObjects.handle(r);
            default -> throw GraphErrors.unknownSegment(set);
        };
    }
}
