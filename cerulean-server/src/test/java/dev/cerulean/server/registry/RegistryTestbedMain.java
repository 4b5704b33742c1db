package dev.cerulean.server.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Runs a {@link RegistryTestbed} in a child JVM (for kill -9 tests): {@code <data-dir> <port-file>}. */
public final class RegistryTestbedMain {

    private RegistryTestbedMain() {}

    public static void main(String[] args) throws Exception {
        dev.cerulean.server.security.TlsCipherProvider.install(); // as the server's start-up does (CERULEAN_TLS_PROVIDER=jdk: off)
        RegistryTestbed bed = RegistryTestbed.start(Path.of(args[0]), 0);
        Path portFile = Path.of(args[1]);
        Path temp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(temp, Integer.toString(bed.port()));
        Files.move(temp, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Thread.currentThread().join();
    }
}
