package dev.cerulean.store;

/** Every store of one database, opened together and closed together. */
public interface Stores extends AutoCloseable {
    ResourceStore resources();
    IdentityStore identities();
    OperationStore operations();
    KeyValueStore values();
    SecretStore secrets();
    RegistryStore registry();
    Transactions transactions();

    /** Which backend this is, e.g. {@code sqlite} or {@code postgresql}, for logs and health. */
    String backend();

    @Override void close();
}
