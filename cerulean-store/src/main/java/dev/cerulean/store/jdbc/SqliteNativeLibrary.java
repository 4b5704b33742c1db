package dev.cerulean.store.jdbc;

import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc copies its native library out of the jar into the temp directory and checksums it
 * on every start, a fifth of Cerulean's cold start. This copies it once into a per-user cache,
 * keyed by the library's CRC in the jar, and points sqlite-jdbc at that copy. Anything unexpected
 * leaves sqlite-jdbc to do what it always does.
 */
public final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {}

    public static void cacheIn(Path cacheRoot) {
        if (System.getProperty("org.sqlite.lib.path") != null) return;
        try {
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();
            String name = LibraryLoaderUtil.getNativeLibName();
            URL url = LibraryLoaderUtil.class.getResource(folder + "/" + name);
            if (url == null) return;
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) return;
            long size = jar.getJarEntry().getSize();
            Path dir = cacheRoot.resolve("sqlite-" + Long.toHexString(jar.getJarEntry().getCrc()) + folder.replace('/', '-'));
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) != size) {
                Files.createDirectories(dir);
                Path partial = Files.createTempFile(dir, name, ".partial");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // sqlite-jdbc extracts the library itself
        }
    }
}
