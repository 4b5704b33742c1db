package dev.cerulean.server.graph;

import dev.cerulean.server.directory.Directory;
import dev.cerulean.server.http.SurfaceResolver;
import dev.cerulean.server.security.TokenVerifier;
import dev.cerulean.server.security.VerificationKeys;
import dev.cerulean.store.Stores;
import org.eclipse.jetty.server.Handler;

import java.time.Clock;

/** Wiring of the Graph surface: its token verifier, the directory, the route table and the core handler. */
public final class GraphSurface {
    private GraphSurface() {}

    public static Handler handler(Stores stores, VerificationKeys keys, String registrySuffix, long maxBodyBytes,
                                  Clock clock) {
        Directory directory = new Directory(stores.identities(), stores.transactions(), clock);
        return new GraphHandler(new SurfaceResolver(registrySuffix), TokenVerifier.forGraph(keys, stores.identities(), clock),
                new GraphRoutes(directory), maxBodyBytes, clock);
    }
}
