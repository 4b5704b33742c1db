package dev.cerulean.store.jdbc;

import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * sqlite-jdbc copies its native library out of the jar into the temp directory and checksums it
 * on every start, a fifth of Cerulean's cold start. This copies it once into a per-user cache,
 * keyed by the library's CRC in the jar, and points sqlite-jdbc at that copy. Anything unexpected
 * leaves sqlite-jdbc to do what it always does.
 * <p>
 * Which library fits this machine is sqlite-jdbc's own answer (its OS detection), asked once and
 * remembered in {@value #INDEX} beside the copies: the detection starts {@code uname -o} as a
 * process and lists {@code /proc/self/map_files}, 40 ms of a start on a cold JVM. The index is
 * trusted only for the same platform key (OS, architecture, and the cheap signs of Android, Termux
 * and musl that decide between sqlite-jdbc's folders), and only if the jar still holds that library.
 */
public final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {}

    static final String INDEX = "sqlite-native.index";
    /** Where sqlite-jdbc keeps its libraries in its jar; an index naming anything else is not used. */
    private static final String NATIVE_ROOT = "/org/sqlite/native/";
    /** sqlite-jdbc's own temp directory setting (java.io.tmpdir when unset). */
    static final String TEMP_DIR = "org.sqlite.tmpdir";

    public static void cacheIn(Path cacheRoot) {
        if (System.getProperty("org.sqlite.lib.path") != null) return;
        try {
            String key = platformKey();
            String remembered = remembered(cacheRoot.resolve(INDEX), key);
            if (remembered != null && use(cacheRoot, remembered)) return;
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            if (use(cacheRoot, resource)) remember(cacheRoot, key, resource);
        } catch (IOException | RuntimeException | LinkageError e) {
            // sqlite-jdbc extracts the library itself
        }
    }

    /** Points sqlite-jdbc at the cached copy of {@code resource} (made now if missing); false if the jar has no such library. */
    private static boolean use(Path cacheRoot, String resource) throws IOException {
        URL url = LibraryLoaderUtil.class.getResource(resource);
        if (url == null) return false;
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) return false;
        int slash = resource.lastIndexOf('/');
        String folder = resource.substring(0, slash);
        String name = resource.substring(slash + 1);
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
        // sqlite-jdbc still sweeps its temp directory for stale extracted copies on every start: it
        // lists every entry of /tmp (35 ms with 5,000 of them). Its temp directory is used for
        // nothing else once the library path is set, so the sweep gets the one-file folder here.
        if (System.getProperty(TEMP_DIR) == null) System.setProperty(TEMP_DIR, dir.toString());
        return true;
    }

    /** The resource path the index holds for {@code key}, or null (no index, another platform's, unreadable). */
    static String remembered(Path index, String key) {
        try {
            List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            return lines.size() == 2 && lines.get(0).equals(key) && lines.get(1).startsWith(NATIVE_ROOT) ? lines.get(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void remember(Path cacheRoot, String key, String resource) throws IOException {
        Path partial = Files.createTempFile(cacheRoot, INDEX, ".partial");
        Files.writeString(partial, key + "\n" + resource + "\n", StandardCharsets.UTF_8);
        Files.move(partial, cacheRoot.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What sqlite-jdbc's choice of folder depends on, read without starting a process: a home
     * directory shared by a glibc and a musl system, or by Termux, gets a new detection, not the
     * other's library.
     */
    static String platformKey() {
        return System.getProperty("os.name") + "|" + System.getProperty("os.arch")
                + "|android=" + System.getProperty("java.runtime.name", "").toLowerCase(java.util.Locale.ROOT).contains("android")
                + "|termux=" + String.valueOf(System.getenv("PREFIX")).contains("com.termux")
                + "|musl=" + hasMuslLoader();
    }

    private static boolean hasMuslLoader() {
        Path lib = Path.of("/lib");
        if (!Files.isDirectory(lib)) return false;
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(lib, "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
