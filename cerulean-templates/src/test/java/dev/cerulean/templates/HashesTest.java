package dev.cerulean.templates;

import dev.cerulean.templates.functions.Hashes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of deployments.md §3.8 (arguments separated by '|'). */
class HashesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "aaa;zavj67f3en4hc",
            "bbb;w5eragfxe33cy",
            "zzz;cryksdzzzawae",
            "xxx|yyy|zzz;lghi7k5js7itq",
            "test;rbgf3xv4ufgzg",
            "hello|world;a7wkljktk6wne",
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg;bmg7c6xu4tw46",
            "/subscriptions/00000000-0000-0000-0000-000000000000|resource-id;cwvxuqg24sifi",
            "/subscriptions/31e9f9a0-9fd2-4294-a0a3-0101246d9700/resourceGroups/rg-modm201-20230913120256/providers/Microsoft.Compute/virtualMachines/bobjacmodm201;yvjxno3je5on2",
            "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1;esry3te6a5b2e",
            // the 5-7 byte tail in two's complement, as the C# implementations compute it (§3.8)
            "aaaaa;lm2dfoy54kzpg",
    })
    void uniqueStringMatchesTheReferenceVectors(String args, String expected) {
        assertThat(Hashes.uniqueString(args.split("\\|"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "foo;7fdba504-653f-539f-9f77-b3bafb844ceb",
            "abc;a9b46cc2-65a6-5559-9f14-7091827ab32f",
            "a|b|c;a98fa280-e03f-5afa-8d8e-92d0a9c201e8",
            "foo|bar;5153061a-20ce-546e-8e3a-7b6a1d0eb119",
            "b24988ac-6180-42a0-ab88-20f7382dd24c|/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1;100fce35-5aa8-572e-a82e-5d9e5bf13485",
    })
    void guidMatchesTheReferenceVectors(String args, String expected) {
        assertThat(Hashes.guid(args.split("\\|"))).isEqualTo(expected);
    }
}
