package dev.cerulean.store.contract;

import static dev.cerulean.store.contract.SampleRecords.OTHER_SUBSCRIPTION;
import static dev.cerulean.store.contract.SampleRecords.REGISTRY_TYPE;
import static dev.cerulean.store.contract.SampleRecords.SUBSCRIPTION;
import static dev.cerulean.store.contract.SampleRecords.child;
import static dev.cerulean.store.contract.SampleRecords.group;
import static dev.cerulean.store.contract.SampleRecords.registry;
import static dev.cerulean.store.contract.SampleRecords.withBody;
import static dev.cerulean.store.contract.SampleRecords.withEtag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cerulean.store.Page;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ResourceStore} must do: conditional writes, subtree deletes, ordered paging. */
public abstract class ResourceStoreContract extends StoresContract {

    private ResourceStore resources;

    @BeforeEach
    void resources() {
        resources = stores.resources();
    }

    private List<String> keys(ResourceQuery query) {
        return resources.list(query).items().stream().map(ResourceRecord::key).toList();
    }

    @Test
    void getOfMissingKeyIsEmpty() {
        assertThat(resources.get(group(SUBSCRIPTION, "nothing").key())).isEmpty();
    }

    @Test
    void getReturnsEveryFieldAsWritten() {
        ResourceRecord registry = registry(SUBSCRIPTION, "rg1", "MyRegistry");
        resources.put(registry, WriteCondition.ABSENT);
        assertThat(resources.get(registry.key())).contains(registry);
    }

    @Test
    void bodiesComeBackAsTheirUtf8BytesOnGetAndList() {
        // lists and GETs write bodyUtf8() out as it is: it must be UTF-8 whatever the database hands back
        String body = "{\"tags\":{\"city\":\"Zürich\",\"mark\":\"✓\",\"emoji\":\"\uD83D\uDE80\"}}";
        ResourceRecord registry = withBody(registry(SUBSCRIPTION, "rg1", "utf8"), body, "e1");
        resources.put(registry, WriteCondition.ABSENT);
        byte[] utf8 = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResourceRecord got = resources.get(registry.key()).orElseThrow();
        assertThat(got.bodyUtf8()).isEqualTo(utf8);
        assertThat(got.body()).isEqualTo(body);
        ResourceRecord listed = resources.list(ResourceQuery.in(SUBSCRIPTION).resourceGroup("rg1").type(REGISTRY_TYPE))
                .items().get(0);
        assertThat(listed.bodyUtf8()).isEqualTo(utf8);
        assertThat(listed).isEqualTo(registry);
    }

    @Test
    void nullColumnsRoundTrip() {
        ResourceRecord token = child(registry(SUBSCRIPTION, "rg1", "reg"), "tokens", "t1");
        ResourceRecord bare = new ResourceRecord(token.key(), token.id(), SUBSCRIPTION, null, token.typeKey(), null,
                token.name(), null, false, "{}", "e", null, null);
        resources.put(bare, WriteCondition.ABSENT);
        assertThat(resources.get(bare.key())).contains(bare);
    }

    @Test
    void keysAreMatchedExactlySoCallersMustLowerCase() {
        ResourceRecord registry = registry(SUBSCRIPTION, "rg1", "MyRegistry");
        resources.put(registry, WriteCondition.ABSENT);
        assertThat(resources.get(registry.key().toUpperCase())).isEmpty();
        assertThat(resources.get(registry.key()).orElseThrow().id()).endsWith("/registries/MyRegistry");
    }

    @Test
    void putAbsentInsertsWhenMissing() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        assertThat(resources.put(group, WriteCondition.ABSENT)).isTrue();
        assertThat(resources.get(group.key())).contains(group);
    }

    @Test
    void putAbsentOnExistingKeyReturnsFalseAndKeepsTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        assertThat(resources.put(withBody(group, "{\"second\":true}", "etag-2"), WriteCondition.ABSENT)).isFalse();
        assertThat(resources.get(group.key())).contains(group);
    }

    @Test
    void putAlwaysInsertsWhenMissing() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        assertThat(resources.put(group, WriteCondition.ALWAYS)).isTrue();
        assertThat(resources.get(group.key())).contains(group);
    }

    @Test
    void putAlwaysReplacesTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        ResourceRecord replaced = withBody(group, "{\"tags\":{\"a\":\"b\"}}", "etag-2");
        assertThat(resources.put(replaced, WriteCondition.ALWAYS)).isTrue();
        assertThat(resources.get(group.key())).contains(replaced);
    }

    @Test
    void putWithMatchingEtagReplacesTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        ResourceRecord replaced = withBody(group, "{\"v\":2}", "etag-2");
        assertThat(resources.put(replaced, WriteCondition.etag("etag-1"))).isTrue();
        assertThat(resources.get(group.key())).contains(replaced);
    }

    @Test
    void putWithStaleEtagReturnsFalseAndKeepsTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        assertThat(resources.put(withBody(group, "{\"v\":2}", "etag-2"), WriteCondition.etag("etag-0"))).isFalse();
        assertThat(resources.get(group.key())).contains(group);
    }

    @Test
    void putWithEtagOnMissingKeyReturnsFalseAndInsertsNothing() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        assertThat(resources.put(group, WriteCondition.etag("etag-1"))).isFalse();
        assertThat(resources.get(group.key())).isEmpty();
    }

    @Test
    void deleteAlwaysRemovesTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        assertThat(resources.delete(group.key(), WriteCondition.ALWAYS)).isTrue();
        assertThat(resources.get(group.key())).isEmpty();
    }

    @Test
    void deleteOfMissingKeyReturnsFalse() {
        assertThat(resources.delete(group(SUBSCRIPTION, "rg1").key(), WriteCondition.ALWAYS)).isFalse();
    }

    @Test
    void deleteWithStaleEtagReturnsFalseAndKeepsTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        assertThat(resources.delete(group.key(), WriteCondition.etag("etag-0"))).isFalse();
        assertThat(resources.get(group.key())).contains(group);
    }

    @Test
    void deleteWithMatchingEtagRemovesTheRow() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        assertThat(resources.delete(group.key(), WriteCondition.etag("etag-1"))).isTrue();
        assertThat(resources.get(group.key())).isEmpty();
    }

    @Test
    void deleteIfAbsentIsRejectedAsMeaningless() {
        ResourceRecord group = group(SUBSCRIPTION, "rg1");
        resources.put(group, WriteCondition.ABSENT);
        assertThatThrownBy(() -> resources.delete(group.key(), WriteCondition.ABSENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ABSENT is not a delete condition");
        assertThat(resources.get(group.key())).contains(group);
    }

    @Test
    void deleteTreeRemovesTheKeyAndEverythingBelowIt() {
        ResourceRecord rg = group(SUBSCRIPTION, "rg1");
        ResourceRecord registry = registry(SUBSCRIPTION, "rg1", "reg");
        ResourceRecord token = child(registry, "tokens", "t1");
        List.of(rg, registry, token).forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(resources.deleteTree(rg.key())).isEqualTo(3);
        assertThat(resources.get(rg.key())).isEmpty();
        assertThat(resources.get(registry.key())).isEmpty();
        assertThat(resources.get(token.key())).isEmpty();
    }

    @Test
    void deleteTreeKeepsSiblingsWhoseKeyMerelySharesThePrefix() {
        ResourceRecord rg1 = group(SUBSCRIPTION, "rg1");
        ResourceRecord rg10 = group(SUBSCRIPTION, "rg10");
        ResourceRecord inRg10 = registry(SUBSCRIPTION, "rg10", "reg");
        // '%', '$' and '~' sort between '/' and '0' under linguistic collations (ICU), not by code point
        List<ResourceRecord> siblings = List.of(group(SUBSCRIPTION, "rg1-x"), group(SUBSCRIPTION, "rg1%"),
                group(SUBSCRIPTION, "rg1$"), group(SUBSCRIPTION, "rg1~"), group(SUBSCRIPTION, "rg1.x"));
        List.of(rg1, rg10, inRg10).forEach(r -> resources.put(r, WriteCondition.ABSENT));
        siblings.forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(resources.deleteTree(rg1.key())).isEqualTo(1);
        assertThat(resources.get(rg10.key())).isPresent();
        assertThat(resources.get(inRg10.key())).isPresent();
        siblings.forEach(sibling -> assertThat(resources.get(sibling.key())).isPresent());
    }

    @Test
    void deleteTreeTreatsUnderscoreAndPercentAsPlainCharacters() {
        ResourceRecord underscore = group(SUBSCRIPTION, "a_b");
        ResourceRecord lookalike = group(SUBSCRIPTION, "axb");
        ResourceRecord underLookalike = registry(SUBSCRIPTION, "axb", "reg");
        ResourceRecord percent = group(SUBSCRIPTION, "c%");
        ResourceRecord percentLookalike = group(SUBSCRIPTION, "cdef");
        ResourceRecord underPercentLookalike = registry(SUBSCRIPTION, "cdef", "reg");
        List.of(underscore, lookalike, underLookalike, percent, percentLookalike, underPercentLookalike)
                .forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(resources.deleteTree(underscore.key())).isEqualTo(1);
        assertThat(resources.deleteTree(percent.key())).isEqualTo(1);
        assertThat(resources.get(lookalike.key())).isPresent();
        assertThat(resources.get(underLookalike.key())).isPresent();
        assertThat(resources.get(percentLookalike.key())).isPresent();
        assertThat(resources.get(underPercentLookalike.key())).isPresent();
    }

    @Test
    void deleteTreeOfMissingKeyReturnsZero() {
        assertThat(resources.deleteTree(group(SUBSCRIPTION, "none").key())).isZero();
    }

    @Test
    void listReturnsOneSubscriptionOrderedByKey() {
        List.of(group(SUBSCRIPTION, "b"), group(SUBSCRIPTION, "a"), group(OTHER_SUBSCRIPTION, "a"),
                registry(SUBSCRIPTION, "a", "r")).forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION))).containsExactly(
                group(SUBSCRIPTION, "a").key(), registry(SUBSCRIPTION, "a", "r").key(), group(SUBSCRIPTION, "b").key());
    }

    @Test
    void listOrdersKeysByCodePointNotByLanguage() {
        List<String> names = List.of("x_1", "x-1", "x.1", "xa", "x~", "x%", "xB");
        names.forEach(n -> resources.put(group(SUBSCRIPTION, n), WriteCondition.ABSENT));
        List<String> expected = names.stream().map(n -> group(SUBSCRIPTION, n).key()).sorted().toList();
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION))).isEqualTo(expected);
    }

    @Test
    void listFiltersByResourceGroupAndType() {
        List.of(group(SUBSCRIPTION, "a"), registry(SUBSCRIPTION, "a", "r1"), registry(SUBSCRIPTION, "a", "r2"),
                registry(SUBSCRIPTION, "b", "r3")).forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).resourceGroup("a").type(REGISTRY_TYPE))).containsExactly(
                registry(SUBSCRIPTION, "a", "r1").key(), registry(SUBSCRIPTION, "a", "r2").key());
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).type(REGISTRY_TYPE))).hasSize(3);
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).resourceGroup("b"))).containsExactly(
                registry(SUBSCRIPTION, "b", "r3").key());
    }

    @Test
    void listFiltersByParentAndTracked() {
        ResourceRecord registry = registry(SUBSCRIPTION, "a", "r1");
        ResourceRecord token = child(registry, "tokens", "t1");
        ResourceRecord scopeMap = child(registry, "scopemaps", "s1");
        List.of(group(SUBSCRIPTION, "a"), registry, token, scopeMap)
                .forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).parent(registry.key()))).containsExactly(
                scopeMap.key(), token.key());
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).parent(registry.key()).type(token.typeKey())))
                .containsExactly(token.key());
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).tracked())).containsExactly(registry.key());
    }

    @Test
    void listPagesThroughThreePagesWithCursors() {
        List<String> all = putRegistries(7);
        ResourceQuery query = ResourceQuery.in(SUBSCRIPTION).type(REGISTRY_TYPE).limit(3);
        Page<ResourceRecord> first = resources.list(query);
        Page<ResourceRecord> second = resources.list(query.after(first.nextCursor()));
        Page<ResourceRecord> third = resources.list(query.after(second.nextCursor()));
        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).hasSize(3);
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
        List<String> seen = new ArrayList<>();
        List.of(first, second, third).forEach(p -> p.items().forEach(r -> seen.add(r.key())));
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void listAllReadsEveryPageInKeyOrder() {
        List<String> all = putRegistries(7);
        resources.put(group(SUBSCRIPTION, "rg"), WriteCondition.ABSENT);
        ResourceQuery query = ResourceQuery.in(SUBSCRIPTION).type(REGISTRY_TYPE);
        assertThat(resources.listAll(query.limit(3)).map(ResourceRecord::key).toList()).isEqualTo(all);
        assertThat(resources.listAll(query.limit(7)).count()).as("a last page exactly full").isEqualTo(7);
        assertThat(resources.listAll(query.type("microsoft.example/none")).toList()).isEmpty();

        AtomicInteger pagesRead = new AtomicInteger();
        ResourceStore counting = countingPages(resources, pagesRead);
        assertThat(counting.listAll(query.limit(2)).map(ResourceRecord::name).filter("r4"::equals).findFirst()).contains("r4");
        assertThat(pagesRead).as("r4 is on the third page of two").hasValue(3);
    }

    /** {@code n} registries r0..r(n-1) in one group; their keys in key order. */
    private List<String> putRegistries(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResourceRecord registry = registry(SUBSCRIPTION, "rg", "r" + i);
            resources.put(registry, WriteCondition.ABSENT);
            keys.add(registry.key());
        }
        return keys.stream().sorted().toList();
    }

    /** {@code store} with its {@code list} calls counted; default methods run on the wrapper, so they are counted too. */
    private static ResourceStore countingPages(ResourceStore store, AtomicInteger pages) {
        return (ResourceStore) Proxy.newProxyInstance(ResourceStore.class.getClassLoader(), new Class<?>[] {ResourceStore.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
                    if (method.getName().equals("list")) pages.incrementAndGet();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void listPageHoldingTheLastRowsExactlyHasNoCursor() {
        for (int i = 0; i < 3; i++) {
            resources.put(registry(SUBSCRIPTION, "rg", "r" + i), WriteCondition.ABSENT);
        }
        Page<ResourceRecord> page = resources.list(ResourceQuery.in(SUBSCRIPTION).type(REGISTRY_TYPE).limit(3));
        assertThat(page.items()).hasSize(3);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void listCursorIsExclusive() {
        ResourceRecord a = registry(SUBSCRIPTION, "rg", "a");
        ResourceRecord b = registry(SUBSCRIPTION, "rg", "b");
        List.of(a, b).forEach(r -> resources.put(r, WriteCondition.ABSENT));
        assertThat(keys(ResourceQuery.in(SUBSCRIPTION).type(REGISTRY_TYPE).after(a.key()))).containsExactly(b.key());
    }

    @Test
    void listRejectsAPageSizeBelowOne() {
        assertThatThrownBy(() -> resources.list(ResourceQuery.in(SUBSCRIPTION).limit(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page size must be at least 1, was 0");
    }

    @Test
    void concurrentCreatesOfOneKeyHaveExactlyOneWinner() throws Exception {
        ResourceRecord registry = registry(SUBSCRIPTION, "rg", "contended");
        List<Boolean> wins = Race.run(8, i -> () ->
                resources.put(withBody(registry, "{\"writer\":" + i + "}", "etag-" + i), WriteCondition.ABSENT));
        assertThat(wins).containsOnlyOnce(true);
        int winner = wins.indexOf(true);
        assertThat(resources.get(registry.key()).orElseThrow().etag()).isEqualTo("etag-" + winner);
    }

    @Test
    void concurrentReplacesWithOneEtagHaveExactlyOneWinner() throws Exception {
        ResourceRecord registry = registry(SUBSCRIPTION, "rg", "contended");
        resources.put(registry, WriteCondition.ABSENT);
        List<Boolean> wins = Race.run(8, i -> () -> resources.put(
                withBody(registry, "{\"writer\":" + i + "}", "etag-w" + i), WriteCondition.etag("etag-1")));
        assertThat(wins).containsOnlyOnce(true);
        assertThat(resources.get(registry.key()).orElseThrow().etag()).isEqualTo("etag-w" + wins.indexOf(true));
    }
}
