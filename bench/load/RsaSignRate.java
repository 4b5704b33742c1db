import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The token-issuance peer: how many RS256 (SHA256withRSA, 2048-bit) signatures per second this
 * JDK makes on this machine, with no HTTP, JSON or TLS around them. A signed token cannot be
 * issued faster than this, so it is the ceiling tokens/s is compared with.
 * Run as a source file: {@code java RsaSignRate.java THREADS SECONDS [PROVIDER_CLASS]}; prints
 * {@code signs_per_s=N}. PROVIDER_CLASS (on the class path, with a static {@code INSTANCE}) signs
 * instead of the JDK's provider, e.g. the Amazon Corretto Crypto Provider Cerulean uses.
 */
public final class RsaSignRate {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        java.security.Provider provider = args.length > 2
                ? (java.security.Provider) Class.forName(args[2]).getField("INSTANCE").get(null) : null;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        // about the size of an Entra access token's signing input (header.claims, base64url)
        byte[] signingInput = "x".repeat(900).getBytes(StandardCharsets.US_ASCII);

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        LongAdder signs = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    Signature rs256 = provider == null ? Signature.getInstance("SHA256withRSA")
                            : Signature.getInstance("SHA256withRSA", provider);
                    while (!stop.get()) {
                        rs256.initSign(keys.getPrivate());
                        rs256.update(signingInput);
                        rs256.sign();
                        if (measuring.get()) signs.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(t);
            t.start();
        }
        Thread.sleep(2000); // JIT warm-up, not counted
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long counted = signs.sum();
        stop.set(true);
        for (Thread t : workers) t.join();
        System.out.printf("signs_per_s=%.0f threads=%d seconds=%.1f%n", counted / elapsed, threads, elapsed);
    }
}
