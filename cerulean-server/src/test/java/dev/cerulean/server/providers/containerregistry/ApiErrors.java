package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.core.error.ApiError;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Assertions on the {@link ApiError} a call throws. */
final class ApiErrors {
    private ApiErrors() {}

    /** Asserts {@code call} throws an ApiError with this status, code and exact message. */
    static ApiError expect(ThrowingCallable call, int status, String code, String message) {
        ApiError e = expect(call, status, code);
        assertThat(e.message()).isEqualTo(message);
        return e;
    }

    /** Asserts status and code; the caller checks the message. */
    static ApiError expect(ThrowingCallable call, int status, String code) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(ApiError.class);
        ApiError e = (ApiError) t;
        assertThat(e.status()).as("status of %s", e).isEqualTo(status);
        assertThat(e.code()).as("code of %s", e).isEqualTo(code);
        return e;
    }
}
