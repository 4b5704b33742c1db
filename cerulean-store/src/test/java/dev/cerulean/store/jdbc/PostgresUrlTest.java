package dev.cerulean.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void jdbcFormPassesThroughWithItsParameters() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://127.0.0.1:5432/cerulean_test?user=cerulean&password=pw");
        assertThat(url).isEqualTo(new PostgresUrl(
                "jdbc:postgresql://127.0.0.1:5432/cerulean_test?user=cerulean&password=pw", null, null));
    }

    @Test
    void postgresqlUriMovesUserInfoOutOfTheUrl() {
        PostgresUrl url = PostgresUrl.parse("postgresql://cerulean:secret@db.local:6543/cerulean?sslmode=require");
        assertThat(url).isEqualTo(new PostgresUrl(
                "jdbc:postgresql://db.local:6543/cerulean?sslmode=require", "cerulean", "secret"));
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        assertThat(PostgresUrl.parse("postgres://u:p@localhost/db"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://localhost/db", "u", "p"));
    }

    @Test
    void userInfoIsPercentDecodedAndMayHoldAtSigns() {
        assertThat(PostgresUrl.parse("postgresql://us%40er:p%3Aa@ss+w@[::1]:5432/db"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://[::1]:5432/db", "us@er", "p:a@ss+w"));
    }

    @Test
    void userWithoutPasswordIsKept() {
        assertThat(PostgresUrl.parse("postgresql://cerulean@host/db"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://host/db", "cerulean", null));
    }

    @Test
    void redactedFormAndToStringNeverShowThePassword() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h:1/db?user=u&password=topsecret");
        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://h:1/db");
        assertThat(PostgresUrl.parse("postgresql://u:topsecret@h/db").toString()).doesNotContain("topsecret");
    }

    @Test
    void otherSchemesAreRejected() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://u:p@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a PostgreSQL URL (expected jdbc:postgresql://, postgresql:// or postgres://)");
    }

    @Test
    void urlWithoutHostIsRejected() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:p@/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PostgreSQL URL has no host");
    }
}
